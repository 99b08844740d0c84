import { describe, expect, test } from 'vitest'
import type { Slo } from './schemas'
import { importSloth } from './sloth'
import { ALL_TIERS, describeSamples, expectErrors, readSample, slosOf, type SampleExpectation } from './testing/slo-files'

const THIRTY_DAYS = { kind: 'rolling', duration: 30 * 86_400 } as const // Sloth's default SLO period
/** A Sloth SLO as Spanlens reads it: availability over the service's entry spans, 30 days, occurrences. */
const sloth = (name: string, service: string, objective: number, labels: Record<string, string>, extra: Partial<Slo> = {}): Slo => ({
  name,
  service,
  sli: { kind: 'availability' },
  objective,
  window: THIRTY_DAYS,
  budgeting: 'occurrences',
  alerting: { tiers: ALL_TIERS, minEvents: 50, channels: [], labels },
  ...extra,
})
const MYSERVICE_LABELS = { owner: 'myteam', repo: 'myorg/myservice', tier: '2', category: 'availability' }
const HOME_WIFI_LABELS = { cluster: 'valhalla', component: 'ubiquiti', context: 'home' }
const descriptions = {
  requests: 'Common SLO based on availability for HTTP request responses.',
}

/** What each sample reads as: SLOs (in the summary form below), or errors. A new sample without an entry fails the suite. */
const EXPECTED: Record<string, SampleExpectation> = {
  'getting-started.yml': {
    slos: [sloth('requests-availability', 'myservice', 0.999, MYSERVICE_LABELS, { description: descriptions.requests })],
  },
  'plugin-getting-started.yml': {
    // sli.plugin: the plugin's PromQL is not read either
    slos: [sloth('requests-availability', 'myservice', 0.999, MYSERVICE_LABELS, { description: descriptions.requests })],
  },
  'home-wifi.yml': {
    slos: [
      sloth('good-wifi-client-satisfaction', 'home-wifi', 0.95, HOME_WIFI_LABELS, {
        description: "Will warn us that we don't have a good wifi at home.",
      }),
      sloth('risk-wifi-client-satisfaction', 'home-wifi', 0.999, HOME_WIFI_LABELS, {
        description: 'Will warn us that we something very bad is happenning with our home wifi.',
      }),
    ],
  },
  'raw-home-wifi.yml': {
    slos: [
      sloth('wifi-client-satisfaction', 'home-wifi', 0.95, HOME_WIFI_LABELS, {
        description: 'Warn us that we have an average wifi connection satisfaction.',
      }),
    ],
  },
  'multifile.yml': {
    // Both services have a requests-availability SLO: each takes Sloth's id, <service>-<name>.
    slos: [
      sloth('myservice-requests-availability', 'myservice', 0.999, MYSERVICE_LABELS, { description: descriptions.requests }),
      sloth(
        'myservice2-requests-availability',
        'myservice2',
        0.9999,
        { owner: 'myteam2', repo: 'myorg/myservice2', tier: '1', category: 'availability' },
        { description: descriptions.requests },
      ),
    ],
  },
  'victoria-metrics.yml': {
    // Label values YAML types as bool and numbers are read as written; no page/ticket blocks: both alerts are on.
    slos: [90, 99]
      .map((percentile, index) =>
        sloth(`grpc-latency-percentile-${percentile}`, 'foo-bar', percentile / 100, {
          owner: 'foo',
          repo: 'content/foo-bar',
          generated: 'true',
          type: 'latency',
          application: 'slowpoke',
          actual_grade: 'A',
          target_grade: 'A',
          actual_le: ['0.2', '0.4'][index]!,
          target_le: ['0.2', '0.4'][index]!,
          objective: String(percentile),
          objective_reversed: String(100 - percentile),
        }),
      )
      .map((slo, index) => ({ ...slo, description: `"grpc" ${[90, 99][index]} percentile Latency SLO for grade "A"` })),
  },
  // Invalid for Sloth itself (its own test data): an unknown version; an SLO with `sli: {}` (marked # BAD! there).
  'in-invalid-version.yaml': { errors: [[1, 'version', 'version "prometheus/v999" is not supported']] },
  'bad-multi.yaml': { errors: [[77, 'slos[1].sli', 'give one SLI: events, raw or plugin']] },
}

// The public Sloth samples (fixtures/formats/FORMATS-SOURCES.md, "sloth/").
describeSamples('importSloth on the Sloth samples', 'sloth', importSloth, EXPECTED)

// Sloth's examples/k8s-getting-started.yml (SLOTH commit in FORMATS-SOURCES.md), its comment header left out:
// the Kubernetes resource has the spec's fields in camelCase.
const K8S_GETTING_STARTED = `apiVersion: sloth.slok.dev/v1
kind: PrometheusServiceLevel
metadata:
  name: sloth-slo-my-service
  namespace: monitoring
spec:
  service: "myservice"
  labels:
    owner: "myteam"
    repo: "myorg/myservice"
    tier: "2"
  slos:
    - name: "requests-availability"
      objective: 99.9
      description: "Common SLO based on availability for HTTP request responses."
      sli:
        events:
          errorQuery: sum(rate(http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}[{{.window}}]))
          totalQuery: sum(rate(http_request_duration_seconds_count{job="myservice"}[{{.window}}]))
      alerting:
        name: MyServiceHighErrorRate
        labels:
          category: "availability"
        annotations:
          summary: "High error rate on 'myservice' requests responses"
        pageAlert:
          labels:
            severity: pageteam
            routing_key: myteam
        ticketAlert:
          disable: true
`

describe('importSloth rules', () => {
  test('a Kubernetes PrometheusServiceLevel reads as its prometheus/v1 twin; ticketAlert disabled: no ticket tiers', () => {
    expect(slosOf(importSloth(K8S_GETTING_STARTED))).toStrictEqual([
      sloth('requests-availability', 'myservice', 0.999, MYSERVICE_LABELS, {
        description: descriptions.requests,
        alerting: { tiers: ['page_fast', 'page_slow'], minEvents: 50, channels: [], labels: MYSERVICE_LABELS },
      }),
    ])
  })

  test('a prometheus/v1 spec and a resource in one file, --- apart', () => {
    const both = `${readSample('sloth', 'home-wifi.yml')}\n---\n${K8S_GETTING_STARTED}`
    expect(slosOf(importSloth(both)).map(({ name }) => name)).toEqual([
      'good-wifi-client-satisfaction',
      'risk-wifi-client-satisfaction',
      'requests-availability',
    ])
  })

  const spec = (slo: string) => `version: "prometheus/v1"
service: "myservice"
slos:
  - name: "requests-availability"
${slo}`
  const events = '    sli:\n      events:\n        error_query: errors[{{.window}}]\n        total_query: total[{{.window}}]\n'
  test.each([
    [
      'both alerts disabled',
      `    objective: 99\n${events}    alerting:\n      page_alert: { disable: true }\n      ticket_alert: { disable: true }\n`,
      [],
    ],
    [
      'page only',
      `    objective: 99\n${events}    alerting:\n      name: Alert\n      ticket_alert: { disable: true }\n`,
      ['page_fast', 'page_slow'],
    ],
    [
      'ticket only',
      `    objective: 99\n${events}    alerting:\n      name: Alert\n      page_alert: { disable: true }\n`,
      ['ticket_fast', 'ticket_slow'],
    ],
    // Sloth's own good sample validate/good/good-aa.yaml writes pageAlert in a prometheus/v1 file: a key it ignores.
    [
      'pageAlert in a prometheus/v1 file',
      `    objective: 99\n${events}    alerting:\n      name: Alert\n      pageAlert: { disable: true }\n`,
      ALL_TIERS,
    ],
  ])('tiers: %s', (_label, slo, tiers) => expect(slosOf(importSloth(spec(slo)))[0]!.alerting.tiers).toEqual(tiers))

  test.each([
    ['an objective over 100', `    objective: 101\n${events}    alerting: { name: A }\n`, [[5, 'slos[0].objective', 'at most 100']]],
    [
      'an objective Spanlens has no room for',
      `    objective: 42\n${events}    alerting: { name: A }\n`,
      [[5, 'slos[0].objective', '50 % to 99.999 %']],
    ],
    [
      'a query without {{.window}}',
      '    objective: 99\n    sli:\n      raw:\n        error_ratio_query: rate(x[5m])\n    alerting: { name: A }\n',
      [[8, 'slos[0].sli.raw.error_ratio_query', '{{.window}}']],
    ],
    ['alerts on and no alert name', `    objective: 99\n${events}`, [[4, 'slos[0].alerting.name', 'alerting.name is required']]],
    ['no SLI', '    objective: 99\n    alerting: { name: A }\n', [[4, 'slos[0].sli', 'sli is required']]],
  ] as const)('refused: %s', (_label, slo, errors) => expectErrors(importSloth(spec(slo)), errors))

  test('a name Sloth takes and Spanlens does not', () => {
    const text = spec(`    objective: 99\n${events}    alerting: { name: A }\n`).replace('"requests-availability"', 'Requests_Availability')
    expectErrors(importSloth(text), [[4, 'slos[0].name', 'not a Spanlens SLO name']])
  })

  test('the same SLO of a service twice', () => {
    const text = spec(`    objective: 99\n${events}    alerting: { name: A }\n`)
    expectErrors(importSloth(`${text}---\n${text}`), [
      [15, 'slos[0].name', 'SLO requests-availability of myservice is given twice: on line 4 and line 15'],
    ])
  })

  test('other documents are pointed where they belong', () => {
    expectErrors(importSloth('apiVersion: openslo/v1\nkind: SLO\n'), [[1, 'apiVersion', 'this is an OpenSLO document']])
    expectErrors(importSloth('apiVersion: sloth.slok.dev/v1\nkind: AlertWindows\nspec: {}\n'), [[2, 'kind', 'holds no SLOs']])
    expectErrors(importSloth('service: x\nslos: []\n'), [[1, 'version', 'version: prometheus/v1 is required']])
  })
})

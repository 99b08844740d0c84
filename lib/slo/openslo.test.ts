import { describe, expect, test } from 'vitest'
import { importOpenSlo } from './openslo'
import type { Slo } from './schemas'
import {
  ALL_TIERS,
  describeSamples,
  expectErrors,
  importOne,
  prometheusSource,
  sloObject,
  slosOf,
  yamlOf,
  type SampleExpectation,
} from './testing/slo-files'

const DAY = 86_400

/** go-sdk's inline samples: Timeslices over a calendar week from 2022-01-01 12:00 in New York. */
const weekly = (name: string, tiers: Slo['alerting']['tiers']): Slo => ({
  name,
  service: 'web',
  sli: { kind: 'availability' },
  objective: 0.995,
  window: { kind: 'calendar', unit: 'week', timeZone: 'America/New_York', startTime: '2022-01-01T12:00:00' },
  budgeting: 'timeslices',
  timeSliceTarget: 0.95,
  // my-slo-2's two policies (one by conditionRef) both burn over 1h: page_fast; my-slo-1 has no alertPolicies key
  alerting: { tiers, minEvents: 50, channels: [], labels: {} },
})

/** What each sample reads as: SLOs, or errors. A new sample without an entry fails the suite. */
const EXPECTED: Record<string, SampleExpectation> = {
  'occurences-slo.yaml': {
    slos: [
      {
        name: 'search-slo',
        displayName: 'Searching time',
        description: 'Regardless of the number of paraller searches it never should be more than 500ms.',
        service: 'web-shop', // metricSource type Any: the service's entry spans
        sli: { kind: 'latency', thresholdMs: 500 }, // op lt, value 500 (ms)
        objective: 0.99,
        window: { kind: 'rolling', duration: 14 * DAY }, // 2w
        budgeting: 'occurrences',
        alerting: { tiers: [], minEvents: 50, channels: [], labels: {} }, // `alertPolicies:` with only a comment
      },
    ],
  },
  'ratio-timeslices.yaml': {
    slos: [
      {
        name: 'main-page',
        displayName: 'Main page availability',
        description: 'Our main page should be available always',
        service: 'web-shop',
        sli: { kind: 'availability' }, // ratioMetric good/total
        objective: 0.99, // op gt without value: not read for a ratio
        window: { kind: 'rolling', duration: 14 * DAY },
        budgeting: 'timeslices', // RatioTimeslices, timeSliceWindow 1m, no timeSliceTarget
        alerting: { tiers: ALL_TIERS, minEvents: 50, channels: [], labels: {} }, // no alertPolicies key
      },
    ],
  },
  // Valid OpenSLO without an SLO: each object is checked against the spec, none is imported. Their references
  // (alert_policies.yaml's conditionRef: cpu-usage-breach) are not followed: no SLO leads to them.
  'alert_conditions.yaml': { slos: [] },
  'alert_notification_targets.yaml': { slos: [] },
  'alert_policies.yaml': { slos: [] },
  'data_sources.yaml': { slos: [] },
  'services.yaml': { slos: [] }, // two Services of the same name: Services are not read
  'slis.yaml': { slos: [] },
  'two_documents.yaml': { slos: [] },
  // Invalid OpenSLO.
  'invalid-apiversion.yaml': { errors: [[1, 'apiVersion', 'apiVersion "foo" is not supported']] },
  'v1_slo_invalid_sli.yaml': { errors: [[7, '[0].spec.indicatorRef', 'SLI no-sli is not in the file']] },
  // A Prometheus threshold SLI whose good values are above the threshold (op gt, value 1): not a latency, so the
  // share of the service's entry spans without error, over a calendar week from its startTime.
  'inline-input-v1_slo.yaml': { slos: [weekly('my-slo-1', ALL_TIERS), weekly('my-slo-2', ['page_fast'])] },
  // The same file with every reference inlined by go-sdk: the same SLOs.
  'inline-output-v1_slo.yaml': { slos: [weekly('my-slo-1', ALL_TIERS), weekly('my-slo-2', ['page_fast'])] },
}

// The public OpenSLO samples (fixtures/formats/FORMATS-SOURCES.md, "openslo/").
describeSamples('importOpenSlo on the OpenSLO samples', 'openslo', importOpenSlo, EXPECTED)

describe('importOpenSlo mapping', () => {
  test.each([
    ['target', { objectives: [{ target: 0.995 }] }, 0.995],
    ['targetPercent, without float noise', { objectives: [{ targetPercent: 99.9 }] }, 0.999],
  ])('objective from %s', (_label, spec, objective) => expect(importOne(sloObject(spec)).objective).toBe(objective))

  test.each([
    ['28d', { kind: 'rolling', duration: 28 * DAY }],
    ['4w', { kind: 'rolling', duration: 28 * DAY }],
    ['36h', { kind: 'rolling', duration: 36 * 3600 }],
    ['1M, 30 days as go-sdk counts a month', { kind: 'rolling', duration: 30 * DAY }],
    ['1Q, 90 days', { kind: 'rolling', duration: 90 * DAY }],
  ])('a rolling window of %s', (duration, window) =>
    expect(importOne(sloObject({ timeWindow: [{ duration: duration.split(',')[0], isRolling: true }] })).window).toEqual(window),
  )

  test.each([
    [
      'a month from its startTime',
      '1M',
      { startTime: '2024-01-15 09:30:00', timeZone: 'Europe/Berlin' },
      { unit: 'month', timeZone: 'Europe/Berlin', startTime: '2024-01-15T09:30:00' },
    ],
    [
      'a week in UTC when no zone is given',
      '1w',
      { startTime: '2022-01-01 12:00:00' },
      { unit: 'week', timeZone: 'UTC', startTime: '2022-01-01T12:00:00' },
    ],
    ['a month from the 1st without startTime', '1M', { timeZone: 'Asia/Tokyo' }, { unit: 'month', timeZone: 'Asia/Tokyo' }],
  ])('a calendar window: %s', (_label, duration, calendar, window) =>
    expect(importOne(sloObject({ timeWindow: [{ duration, isRolling: false, calendar }] })).window).toEqual({
      kind: 'calendar',
      ...window,
    }),
  )

  test('no timeWindow: the default window', () => expect(importOne(sloObject()).window).toEqual({ kind: 'rolling', duration: 28 * DAY }))

  test('an indicatorRef names an SLI in another document', () => {
    const sli = { apiVersion: 'openslo/v1', kind: 'SLI', metadata: { name: 'latency' }, spec: { thresholdMetric: prometheusSource } }
    const slo = importOne(
      sloObject({ indicator: undefined, indicatorRef: 'latency', objectives: [{ op: 'lte', value: 250, target: 0.95 }] }),
      sli,
    )
    expect(slo.sli).toEqual({ kind: 'latency', thresholdMs: 250 })
    expect(slo.operation).toBeUndefined() // Prometheus: the service's entry spans
  })

  test('Timeslices: a target of its own, or the objective', () => {
    const objective = { target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: '1m' }
    expect(importOne(sloObject({ budgetingMethod: 'Timeslices', objectives: [objective] }))).toMatchObject({
      budgeting: 'timeslices',
      timeSliceTarget: 0.95,
    })
    const withoutTarget = importOne(sloObject({ budgetingMethod: 'RatioTimeslices', objectives: [{ target: 0.99, timeSliceWindow: 1 }] }))
    expect(withoutTarget.budgeting).toBe('timeslices')
    expect(withoutTarget).not.toHaveProperty('timeSliceTarget')
    // Spanlens judges minutes: 5-minute slices read as one-minute slices with the same target.
    const fiveMinutes = importOne(sloObject({ budgetingMethod: 'Timeslices', objectives: [{ ...objective, timeSliceWindow: '5m' }] }))
    expect(fiveMinutes).toMatchObject({ budgeting: 'timeslices', timeSliceTarget: 0.95 })
  })

  test('several objectives over one SLI: one SLO each, named after its objective (or its position)', () => {
    const objectives = [{ displayName: 'Internal objective', target: 0.995 }, { displayName: 'SLA', target: 0.99 }, { target: 0.9 }]
    const slos = slosOf(importOpenSlo(yamlOf(sloObject({ objectives }, { displayName: 'Checkout' }))))
    expect(slos.map(({ name, displayName, objective }) => [name, displayName, objective])).toEqual([
      ['checkout-internal-objective', 'Checkout: Internal objective', 0.995],
      ['checkout-sla', 'Checkout: SLA', 0.99],
      ['checkout-3', 'Checkout: objective 3', 0.9],
    ])
    const same = slosOf(
      importOpenSlo(
        yamlOf(
          sloObject({
            objectives: [
              { displayName: 'Good', target: 0.99 },
              { displayName: 'Good', target: 0.9 },
            ],
          }),
        ),
      ),
    )
    expect(same.map(({ name }) => name)).toEqual(['checkout-1', 'checkout-2'])
  })
})

describe('importOpenSlo refusals, each on its line', () => {
  const slo = (lines: string) => `apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout
spec:
  service: checkout
  indicatorRef: errors
${lines.includes('budgetingMethod') ? '' : '  budgetingMethod: Occurrences\n'}${lines}---
apiVersion: openslo/v1
kind: SLI
metadata:
  name: errors
spec:
  ratioMetric:
    raw: { metricSource: { type: Prometheus, spec: { query: x } } }
    rawType: failure
`
  test.each([
    [
      'a rolling year, longer than 90 days',
      '  objectives: [{ target: 0.99 }]\n  timeWindow: [{ duration: 1Y, isRolling: true }]\n',
      [[10, 'spec.timeWindow[0].duration', 'at most']],
    ],
    [
      'a calendar fortnight',
      '  objectives: [{ target: 0.99 }]\n  timeWindow:\n    - duration: 2w\n      calendar: { timeZone: UTC }\n',
      [[11, 'spec.timeWindow[0].duration', 'one month (1M) or one week (1w)']],
    ],
    [
      'a calendar quarter',
      '  objectives: [{ target: 0.99 }]\n  timeWindow: [{ duration: 1Q, isRolling: false, calendar: { timeZone: UTC } }]\n',
      [[10, 'spec.timeWindow[0].duration', 'a calendar window of 1Q']],
    ],
    [
      'a window too short',
      '  objectives: [{ target: 0.99 }]\n  timeWindow: [{ duration: 12h, isRolling: true }]\n',
      [[10, 'spec.timeWindow[0].duration', 'at least 1d']],
    ],
    [
      'Timeslices without a timeSliceWindow',
      '  budgetingMethod: Timeslices\n  objectives: [{ target: 0.99, timeSliceTarget: 0.9 }]\n',
      [[9, 'spec.objectives[0]', 'timeSliceWindow is required with Timeslices']],
    ],
    [
      'the second objective too low',
      '  objectives:\n    - target: 0.99\n    - targetPercent: 42\n',
      [[11, 'spec.objectives[1].targetPercent', 'at least 0.5']],
    ],
    ['an objective too low', '  objectives: [{ targetPercent: 42 }]\n', [[9, 'spec.objectives[0].targetPercent', 'at least 0.5']]],
    [
      'a missing policy',
      '  objectives: [{ target: 0.99 }]\n  alertPolicies:\n    - alertPolicyRef: paging\n',
      [[11, 'spec.alertPolicies[0].alertPolicyRef', 'AlertPolicy paging is not in the file']],
    ],
    [
      'an unknown budgeting method',
      '  budgetingMethod: Minutes\n  objectives: [{ target: 0.99 }]\n',
      [[8, 'spec.budgetingMethod', 'Occurrences, Timeslices or RatioTimeslices']],
    ],
  ] as const)('%s', (_label, lines, errors) => {
    expectErrors(importOpenSlo(slo(lines)), errors)
  })

  test('an SLO given twice, or named as another one’s objective', () => {
    expectErrors(importOpenSlo(yamlOf(sloObject(), sloObject())), [
      [26, 'metadata.name', 'SLO checkout is given twice: on line 4 and line 26'],
    ])
    const split = sloObject({ objectives: [{ displayName: 'fast', target: 0.99 }, { target: 0.9 }] }, { name: 'api' })
    expectErrors(importOpenSlo(yamlOf(split, sloObject({}, { name: 'api-fast' }))), [
      [28, 'metadata.name', 'SLO api-fast is given twice: on line 21 and line 28'],
    ])
  })

  test('YAML that does not parse, and an empty file', () => {
    expectErrors(importOpenSlo('apiVersion: openslo/v1\nkind: [SLO\n'), [[3, '', 'Flow sequence']])
    expectErrors(importOpenSlo('\n# nothing\n'.replace('# nothing', '')), [[1, '', 'the file is empty']])
  })

  test('a Sloth spec is pointed at the Sloth import', () => {
    expectErrors(importOpenSlo('version: prometheus/v1\nservice: x\nslos: []\n'), [[1, 'version', 'this is a Sloth spec']])
  })
})

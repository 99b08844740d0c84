import { describe, expect, test } from 'vitest'
import { parseAllDocuments } from 'yaml'
import { importOpenSlo } from './openslo'
import { exportOpenSlo } from './openslo-export'
import { sloInput, type Slo, type SloInput } from './schemas'
import { listSamples, readSample } from './testing/slo-files'

const slo = (input: Partial<SloInput>): Slo =>
  sloInput.parse({ name: 'checkout-latency', service: 'checkout', sli: { kind: 'availability' }, objective: 0.99, ...input })
const composite = (input: Pick<SloInput, 'name' | 'sli'>): Slo => sloInput.parse({ objective: 0.99, ...input })
const roundTrip = (slos: Slo[]) => {
  const result = importOpenSlo(exportOpenSlo(slos))
  if (!result.ok) throw new Error(`the export does not read back: ${JSON.stringify(result.errors)}`)
  return result.slos
}
const documentsOf = (text: string) => parseAllDocuments(text).map((document) => document.toJS() as Record<string, any>) // eslint-disable-line @typescript-eslint/no-explicit-any

const VARIED: [string, Slo][] = [
  [
    'latency of one operation and span kind',
    slo({
      displayName: 'Payments p99',
      description: 'Payments answer in time.\nSecond line.',
      operation: 'POST /v1/payments',
      spanKind: 'server',
      sli: { kind: 'latency', thresholdMs: 300 },
      objective: 0.995,
    }),
  ],
  ['availability of the entry spans, default alerting', slo({ name: 'cart-availability', service: 'cart' })],
  [
    'composite',
    composite({
      name: 'checkout-journey',
      sli: {
        kind: 'composite',
        members: [
          { slo: 'cart-availability', weight: 2 },
          { slo: 'checkout-latency', weight: 1 },
        ],
      },
    }),
  ],
  [
    'calendar month in Europe/Berlin from the 1st (no startTime), time slices following the objective',
    slo({ name: 'berlin-month', window: { kind: 'calendar', timeZone: 'Europe/Berlin' }, budgeting: 'timeslices', objective: 0.999 }),
  ],
  [
    'calendar month from a startTime of its own, the 1st at midnight included',
    slo({ name: 'billing-month', window: { kind: 'calendar', unit: 'month', timeZone: 'UTC', startTime: '2024-01-01T00:00:00' } }),
  ],
  [
    'calendar month from the 15th at 09:30',
    slo({ name: 'mid-month', window: { kind: 'calendar', unit: 'month', timeZone: 'America/New_York', startTime: '2024-01-15 09:30' } }),
  ],
  [
    'calendar week from a startTime, as the go-sdk samples',
    slo({ name: 'weekly', window: { kind: 'calendar', unit: 'week', timeZone: 'America/New_York', startTime: '2022-01-01 12:00:00' } }),
  ],
  [
    'calendar week from Monday (no startTime)',
    slo({ name: 'monday-week', window: { kind: 'calendar', unit: 'week', timeZone: 'Asia/Tokyo' } }),
  ],
  [
    'time slices with a target of their own, a 7-day window',
    slo({ name: 'weekly-slices', budgeting: 'timeslices', timeSliceTarget: 0.95, window: { kind: 'rolling', duration: '7d' } }),
  ],
  ['a subset of tiers, in its own order', slo({ name: 'two-tiers', alerting: { tiers: ['ticket_slow', 'page_fast'] } })],
  ['no tiers', slo({ name: 'quiet', alerting: { tiers: [] } })],
  [
    'channels, labels and the low-traffic guard',
    slo({
      name: 'routed',
      alerting: { channels: ['Ops Slack', 'pagerduty-primary'], labels: { team: 'payments', _tier: '1' }, minEvents: 0 },
    }),
  ],
  [
    'a 36-hour window, an operation glob',
    slo({ name: 'api-reads', operation: 'GET /api/*', window: { kind: 'rolling', duration: '36h' } }),
  ],
  ['a 63-character name', slo({ name: `a${'-b'.repeat(31)}` })],
]

describe('exportOpenSlo then importOpenSlo', () => {
  test.each(VARIED)('%s: the same SLO', (_label, original) => expect(roundTrip([original])).toStrictEqual([original]))

  test('all of them in one file, in order', () => {
    const all = VARIED.map(([, original]) => original)
    expect(roundTrip(all)).toStrictEqual(all)
  })

  test('no SLO: a file that imports none', () => expect(roundTrip([])).toEqual([]))

  const importable = listSamples('openslo').filter((file) => importOpenSlo(readSample('openslo', file)).ok)
  test.each(importable)('the sample %s is stable: import, export, import', (file) => {
    const first = importOpenSlo(readSample('openslo', file))
    if (!first.ok) throw new Error(file)
    expect(roundTrip(first.slos)).toStrictEqual(first.slos)
  })

  test('the samples with SLOs are among them', () =>
    expect(importable).toEqual(
      expect.arrayContaining(['occurences-slo.yaml', 'ratio-timeslices.yaml', 'inline-input-v1_slo.yaml', 'inline-output-v1_slo.yaml']),
    ))
})

describe('exportOpenSlo output', () => {
  test('one SLO document, then one AlertPolicy per tier, referenced by name', () => {
    const documents = documentsOf(exportOpenSlo([slo({})]))
    expect(documents.map(({ kind, metadata }) => `${kind} ${metadata.name}`)).toEqual([
      'SLO checkout-latency',
      'AlertPolicy checkout-latency-page-fast',
      'AlertPolicy checkout-latency-page-slow',
      'AlertPolicy checkout-latency-ticket-fast',
      'AlertPolicy checkout-latency-ticket-slow',
    ])
    expect(documents[0]!.spec.alertPolicies).toEqual(documents.slice(1).map(({ metadata }) => ({ alertPolicyRef: metadata.name })))
    expect(documents.every(({ apiVersion }) => apiVersion === 'openslo/v1')).toBe(true)
  })

  test.each([
    ['30 days: the SRE Workbook factors', { kind: 'rolling', duration: '30d' }, [14.4, 6, 3, 1]],
    ['a calendar month counts as 30 days', { kind: 'calendar', unit: 'month', timeZone: 'UTC' }, [14.4, 6, 3, 1]],
    ['a calendar week as 7 days', { kind: 'calendar', unit: 'week', timeZone: 'UTC' }, [3.36, 1.4, 0.7, 0.2333]],
    ['28 days: the same budget shares', { kind: 'rolling', duration: '28d' }, [13.44, 5.6, 2.8, 0.9333]],
  ] as const)('burn-rate thresholds over %s', (_label, window, factors) => {
    const policies = documentsOf(exportOpenSlo([slo({ window })])).slice(1)
    expect(policies.map(({ spec }) => spec.conditions[0].spec.condition)).toEqual(
      factors.map((threshold, index) => ({
        kind: 'burnrate',
        op: 'gte',
        threshold,
        lookbackWindow: ['1h', '6h', '1d', '3d'][index],
        alertAfter: ['5m', '30m', '2h', '6h'][index], // the short window
      })),
    )
  })

  test('a latency SLI is a thresholdMetric of type Spanlens with its objective op lte', () => {
    const [document] = documentsOf(exportOpenSlo([VARIED[0]![1]]))
    expect(document!.spec.indicator.spec.thresholdMetric.metricSource).toEqual({
      type: 'Spanlens',
      spec: { operation: 'POST /v1/payments', spanKind: 'server', thresholdMs: 300 },
    })
    expect(document!.spec.objectives).toEqual([{ op: 'lte', value: 300, target: 0.995 }])
  })

  test.each([
    ['month from the 1st', { unit: 'month' }, '1M', '2024-01-01 00:00:00', { 'spanlens.io/calendar-start': 'default' }],
    ['week from Monday', { unit: 'week' }, '1w', '2024-01-01 00:00:00', { 'spanlens.io/calendar-start': 'default' }],
    ['week from a startTime', { unit: 'week', startTime: '2022-01-01T12:00:00' }, '1w', '2022-01-01 12:00:00', {}],
  ] as const)('a calendar %s: duration, calendar.startTime as OpenSLO writes it', (_label, window, duration, startTime, annotation) => {
    const [document] = documentsOf(exportOpenSlo([slo({ window: { kind: 'calendar', timeZone: 'Europe/Berlin', ...window } })]))
    expect(document!.spec.timeWindow).toEqual([{ duration, isRolling: false, calendar: { startTime, timeZone: 'Europe/Berlin' } }])
    expect(document!.metadata.annotations).toEqual({ 'spanlens.io/min-events': '50', ...annotation })
  })

  test('names stay DNS labels of at most 63 characters', () => {
    const names = documentsOf(exportOpenSlo([VARIED.at(-1)![1]])).map(({ metadata }) => metadata.name as string)
    expect(new Set(names).size).toBe(5)
    for (const name of names) expect(name).toMatch(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/)
  })

  test('every policy notifies a target, the alerts page when the SLO names no channel', () => {
    const targetsOf = (original: Slo) => documentsOf(exportOpenSlo([original]))[1]!.spec.notificationTargets
    expect(targetsOf(slo({}))).toEqual([expect.objectContaining({ metadata: { name: 'spanlens' } })])
    expect(
      targetsOf(VARIED.find(([label]) => label.startsWith('channels'))![1]).map(
        ({ metadata, spec }: { metadata: { name: string }; spec: { target: string } }) => [metadata.name, spec.target],
      ),
    ).toEqual([
      ['ops-slack', 'Ops Slack'],
      ['pagerduty-primary', 'pagerduty-primary'],
    ])
  })
})

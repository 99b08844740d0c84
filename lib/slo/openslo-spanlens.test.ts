import { describe, expect, test } from 'vitest'
import { importOpenSlo } from './openslo'
import { expectErrors, importOne, prometheusSource, sloObject, slosOf, yamlOf } from './testing/slo-files'

describe('metric sources: Spanlens spans, or the service’s entry spans', () => {
  test.each([
    ['lte and a value: a latency in ms', { op: 'lte', value: 250 }, { kind: 'latency', thresholdMs: 250 }],
    ['lt reads as lte', { op: 'lt', value: 250 }, { kind: 'latency', thresholdMs: 250 }],
    ['gt: good above the value, no latency', { op: 'gt', value: 1 }, { kind: 'availability' }],
    ['gte', { op: 'gte', value: 100 }, { kind: 'availability' }],
    ['lte 0: a value no latency is under', { op: 'lte', value: 0 }, { kind: 'availability' }],
    ['no op and no value', {}, { kind: 'availability' }],
  ])('a Prometheus thresholdMetric, %s, over the entry spans', (_label, comparison, sli) => {
    const indicator = { metadata: { name: 'lag' }, spec: { thresholdMetric: prometheusSource } }
    const objectives = [{ ...comparison, target: 0.995, timeSliceTarget: 0.95, timeSliceWindow: '1m' }]
    const slo = importOne(sloObject({ indicator, budgetingMethod: 'Timeslices', objectives, alertPolicies: [] }))
    expect(slo).toMatchObject({ sli, objective: 0.995, budgeting: 'timeslices', timeSliceTarget: 0.95, alerting: { tiers: [] } })
    expect(slo.operation).toBeUndefined()
  })

  const spanlensLatency = (source: Record<string, unknown>) => ({
    metadata: { name: 'p99' },
    spec: { thresholdMetric: { metricSource: { spec: { operation: 'POST /pay', thresholdMs: 300 }, ...source } } },
  })
  test('a metricSourceRef to a DataSource of type Spanlens in the file selects spans', () => {
    const dataSource = {
      apiVersion: 'openslo/v1',
      kind: 'DataSource',
      metadata: { name: 'spans' },
      spec: { type: 'Spanlens', connectionDetails: {} },
    }
    const objectives = [{ op: 'lte', value: 300, target: 0.99 }]
    const slo = importOne(sloObject({ indicator: spanlensLatency({ metricSourceRef: 'spans' }), objectives }), dataSource)
    expect(slo).toMatchObject({ operation: 'POST /pay', sli: { kind: 'latency', thresholdMs: 300 } })
  })

  test('a Spanlens thresholdMetric with op gt is refused: a Spanlens latency SLI is good at or under its threshold', () => {
    const objectives = [{ op: 'gt', value: 300, target: 0.99 }]
    expectErrors(importOpenSlo(yamlOf(sloObject({ indicator: spanlensLatency({ type: 'Spanlens' }), objectives }))), [
      [19, 'spec.objectives[0].op', 'op gt counts values above the threshold as good'],
    ])
  })
})

describe('spanlens.io/calendar-start: default, a calendar without a start of its own', () => {
  const calendarSlo = (duration: string, startTime: string, annotation: unknown = 'default') =>
    yamlOf(
      sloObject(
        { timeWindow: [{ duration, isRolling: false, calendar: { startTime, timeZone: 'Europe/Berlin' } }] },
        { annotations: { 'spanlens.io/calendar-start': annotation } },
      ),
    )

  test.each([
    ['months from the 1st', '1M', '2024-01-01 00:00:00', 'month'],
    ['months from another 1st', '1M', '2023-07-01 00:00:00', 'month'],
    ['weeks from Monday', '1w', '2024-01-08 00:00:00', 'week'],
  ])('%s: the window has no startTime', (_label, duration, startTime, unit) =>
    expect(slosOf(importOpenSlo(calendarSlo(duration, startTime)))[0]!.window).toEqual({
      kind: 'calendar',
      unit,
      timeZone: 'Europe/Berlin',
    }),
  )

  test.each([
    ['a month from the 2nd', '1M', '2024-01-02 00:00:00', [[28, 'spec.timeWindow[0].calendar.startTime', 'start on the 1st at midnight']]],
    ['a month from noon', '1M', '2024-01-01 12:00:00', [[28, 'spec.timeWindow[0].calendar.startTime', 'is not such a start']]],
    ['a week from Saturday', '1w', '2022-01-01 00:00:00', [[28, 'spec.timeWindow[0].calendar.startTime', 'start on Monday at midnight']]],
  ] as const)('refused: %s', (_label, duration, startTime, errors) => expectErrors(importOpenSlo(calendarSlo(duration, startTime)), errors))

  test('refused: another value', () =>
    expectErrors(importOpenSlo(calendarSlo('1M', '2024-01-01 00:00:00', 'monday')), [
      [6, 'metadata.annotations["spanlens.io/calendar-start"]', 'expected default, or no annotation'],
    ]))
})

test('a calendar 1m reads as the month OpenSLO’s own time-slices example means by it', () => {
  const file = yamlOf(
    sloObject({ timeWindow: [{ duration: '1m', isRolling: false, calendar: { startTime: '2022-01-01 00:00:00', timeZone: 'UTC' } }] }),
  )
  expect(slosOf(importOpenSlo(file))[0]!.window).toEqual({
    kind: 'calendar',
    unit: 'month',
    timeZone: 'UTC',
    startTime: '2022-01-01T00:00:00',
  })
})

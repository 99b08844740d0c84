import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { evaluateAlerts } from './alert-state'
import { computeBacktest, incidentsCaught, type BacktestOptions, type BacktestSeries, type Interval } from './backtest'
import type { Alert } from './schemas'

const T0 = Date.UTC(2026, 2, 1)
const MINUTE_MS = 60_000
const at = (minutes: number) => T0 + minutes * MINUTE_MS
const CHECKOUT = { alertname: 'SlowCheckout', service: 'checkout', operation: 'POST /orders', span_kind: 'server' }

/** One character per step from T0: 1 the condition holds, 0 it does not, . no sample. */
function seriesOf(steps: string, stepSeconds = 60, labels: Record<string, string> = CHECKOUT): BacktestSeries {
  const samples = [...steps].flatMap((symbol, i) =>
    symbol === '.' ? [] : [{ at: T0 + i * stepSeconds * 1000, value: symbol === '1' ? 900 : 100, holds: symbol === '1' }],
  )
  return { labels, samples }
}
const minutes = (intervals: readonly Interval[]) =>
  intervals.map(({ startMs, endMs }) => [(startMs - T0) / MINUTE_MS, (endMs - T0) / MINUTE_MS])

type Expected = { pending: number[][]; firing: number[][]; firingMinutes: number }

describe('computeBacktest, one series at 1-minute steps', () => {
  test.each<[string, Omit<BacktestOptions, 'stepSeconds'>, string, Expected]>([
    [
      'the module example: for 2m, then pending again at the end',
      { forSeconds: 120, keepFiringForSeconds: 0 },
      '11110011',
      {
        pending: [
          [0, 2],
          [6, 8],
        ],
        firing: [[2, 4]],
        firingMinutes: 2,
      },
    ],
    [
      'for 0: firing from the first hold, no pending',
      { forSeconds: 0, keepFiringForSeconds: 0 },
      '0110',
      { pending: [], firing: [[1, 3]], firingMinutes: 2 },
    ],
    [
      'open at the end: closed at the last step + step',
      { forSeconds: 0, keepFiringForSeconds: 0 },
      '0011',
      { pending: [], firing: [[2, 4]], firingMinutes: 2 },
    ],
    // unittest.yml lines 123–161 with rules.yml lines 6–8: up == 0 throughout, InstanceDown for 5m.
    [
      'InstanceDown: for 5m over 10 minutes of up == 0',
      { forSeconds: 300, keepFiringForSeconds: 0 },
      '1111111111',
      { pending: [[0, 5]], firing: [[5, 10]], firingMinutes: 5 },
    ],
    [
      'flaps shorter than for never fire',
      { forSeconds: 180, keepFiringForSeconds: 0 },
      '1101101',
      {
        pending: [
          [0, 2],
          [3, 5],
          [6, 7],
        ],
        firing: [],
        firingMinutes: 0,
      },
    ],
    [
      'missing samples are steps where the condition does not hold',
      { forSeconds: 0, keepFiringForSeconds: 0 },
      '1..1',
      {
        pending: [],
        firing: [
          [0, 1],
          [3, 4],
        ],
        firingMinutes: 2,
      },
    ],
    [
      'keep_firing_for bridges a gap: one firing',
      { forSeconds: 0, keepFiringForSeconds: 120 },
      '1..1',
      { pending: [], firing: [[0, 4]], firingMinutes: 4 },
    ],
    [
      'keep_firing_for runs out, then a new alert',
      { forSeconds: 0, keepFiringForSeconds: 120 },
      '10001',
      {
        pending: [],
        firing: [
          [0, 3],
          [4, 5],
        ],
        firingMinutes: 4,
      },
    ],
    [
      'for 10m, keep_firing_for 5m (docs-alerting_rules-example-1.yml)',
      { forSeconds: 600, keepFiringForSeconds: 300 },
      '111111111111000000',
      { pending: [[0, 10]], firing: [[10, 17]], firingMinutes: 7 },
    ],
    [
      'a resolved alert holding again is pending for the whole for',
      { forSeconds: 120, keepFiringForSeconds: 0 },
      '111' + '0'.repeat(20) + '111',
      {
        pending: [
          [0, 2],
          [23, 25],
        ],
        firing: [
          [2, 3],
          [25, 26],
        ],
        firingMinutes: 2,
      },
    ],
  ])('%s', (_label, timing, steps, expected) => {
    const backtest = computeBacktest([seriesOf(steps)], { ...timing, stepSeconds: 60 })
    const [only] = backtest.series
    expect({ pending: minutes(only!.pending), firing: minutes(only!.firing), firingMinutes: only!.firingMinutes }).toEqual(expected)
    expect(only!.firedCount).toBe(expected.firing.length)
  })

  test('5-minute steps: for 10m fires at the third evaluation; the open interval ends 5 minutes after the last', () => {
    const [only] = computeBacktest([seriesOf('1111', 300)], { forSeconds: 600, keepFiringForSeconds: 0, stepSeconds: 300 }).series
    expect(minutes(only!.pending)).toEqual([[0, 10]])
    expect(minutes(only!.firing)).toEqual([[10, 20]])
  })
})

describe('computeBacktest over several series', () => {
  test('totals, and a series whose data stops resolves at the next step up to the last step of all', () => {
    const stops = seriesOf('11', 60, { ...CHECKOUT, operation: 'GET /cart' })
    const quiet = seriesOf('0000', 60, { ...CHECKOUT, operation: 'GET /health' })
    const flapping = seriesOf('1010', 60, { ...CHECKOUT, operation: 'POST /orders' })
    const backtest = computeBacktest([stops, quiet, flapping], { forSeconds: 0, keepFiringForSeconds: 0, stepSeconds: 60 })
    expect(backtest.series.map(({ firing }) => minutes(firing))).toEqual([
      [[0, 2]],
      [],
      [
        [0, 1],
        [2, 3],
      ],
    ])
    expect(backtest).toMatchObject({ firedCount: 3, firingMinutes: 4, firingSeries: 2, lastStepMs: at(3) })
  })

  test('no samples: nothing evaluated', () => {
    expect(computeBacktest([], { forSeconds: 0, keepFiringForSeconds: 0, stepSeconds: 60 })).toEqual({
      series: [],
      firedCount: 0,
      firingMinutes: 0,
      firingSeries: 0,
      lastStepMs: null,
    })
  })

  test('refuses samples out of order and a step of 0', () => {
    const unordered = { labels: CHECKOUT, samples: [...seriesOf('11').samples].reverse() }
    expect(() => computeBacktest([unordered], { forSeconds: 0, keepFiringForSeconds: 0, stepSeconds: 60 })).toThrow(/increasing time order/)
    expect(() => computeBacktest([seriesOf('1')], { forSeconds: 0, keepFiringForSeconds: 0, stepSeconds: 0 })).toThrow(/step above 0/)
  })
})

/** The oracle: evaluateAlerts at every step from the first sample to the last step, intervals read off the states. */
function replay(
  { labels, samples }: BacktestSeries,
  lastStepMs: number,
  { forSeconds, keepFiringForSeconds, stepSeconds }: BacktestOptions,
) {
  const stepMs = stepSeconds * 1000
  const byTime = new Map(samples.map((sample) => [sample.at, sample]))
  const runs: Record<'pending' | 'firing', Interval[]> = { pending: [], firing: [] }
  let alerts: ReadonlyMap<string, Alert> = new Map()
  const run = { state: 'absent', sinceMs: 0 }
  const close = (endMs: number) => {
    if (run.state === 'pending' || run.state === 'firing') runs[run.state].push({ startMs: run.sinceMs, endMs })
  }
  for (let atMs = samples[0]!.at; atMs <= lastStepMs; atMs += stepMs) {
    const sample = byTime.get(atMs)
    const active = sample?.holds ? [{ labels, annotations: {}, value: sample.value ?? 0 }] : []
    alerts = evaluateAlerts(alerts, active, { at: atMs, forSeconds, keepFiringForSeconds }).alerts
    const state = [...alerts.values()][0]?.state ?? 'absent'
    if (state === run.state) continue
    close(atMs)
    Object.assign(run, { state, sinceMs: atMs })
  }
  close(lastStepMs + stepMs)
  return runs
}

describe('computeBacktest properties (fast-check)', () => {
  const steps = fc.array(fc.constantFrom('1', '1', '0', '.'), { minLength: 1, maxLength: 90 }).map((symbols) => '1' + symbols.join(''))
  const timing = fc.record({
    forSeconds: fc.integer({ min: 0, max: 8 }).map((m) => m * 60),
    keepFiringForSeconds: fc.integer({ min: 0, max: 8 }).map((m) => m * 60),
  })

  test('equals a replay of every step, and its intervals are ordered, disjoint and preceded by for', () => {
    fc.assert(
      fc.property(fc.array(steps, { minLength: 1, maxLength: 3 }), timing, (stepsBySeries, { forSeconds, keepFiringForSeconds }) => {
        const options = { forSeconds, keepFiringForSeconds, stepSeconds: 60 }
        const series = stepsBySeries.map((one, i) => seriesOf(one, 60, { ...CHECKOUT, operation: `op-${i}` }))
        const backtest = computeBacktest(series, options)
        backtest.series.forEach((result, i) => {
          expect({ pending: result.pending, firing: result.firing }).toEqual(replay(series[i]!, backtest.lastStepMs!, options))
          const all = [...result.pending, ...result.firing].sort((a, b) => a.startMs - b.startMs)
          all.forEach((interval, k) => {
            expect(interval.endMs).toBeGreaterThan(interval.startMs)
            if (k > 0) expect(interval.startMs).toBeGreaterThanOrEqual(all[k - 1]!.endMs)
          })
          for (const { startMs } of result.firing) {
            if (forSeconds === 0) continue
            const pendingBefore = result.pending.find(({ endMs }) => endMs === startMs)
            expect(startMs - pendingBefore!.startMs).toBeGreaterThanOrEqual(forSeconds * 1000)
          }
        })
        expect(backtest.firedCount).toBe(backtest.series.reduce((sum, { firing }) => sum + firing.length, 0))
      }),
    )
  })
})

describe('incidentsCaught (lookback 60 minutes)', () => {
  const incident = (startMinute: number, services = ['checkout']) => ({ id: `INC-${startMinute}`, startedAt: at(startMinute), services })
  const firingAt = (...pairs: [number, number][]) => pairs.map(([start, end]) => ({ startMs: at(start), endMs: at(end) }))

  test.each<[string, Interval[], number, boolean, number | null]>([
    ['firing at the start, begun 20 minutes before', firingAt([100, 130]), 120, true, 20],
    ['firing begun and ended 50 minutes before', firingAt([70, 80]), 120, true, 50],
    ['exactly the lookback before', firingAt([60, 65]), 120, true, 60],
    ['ended 110 minutes before', firingAt([10, 20]), 120, false, null],
    ['still firing after 3 hours counts, lead from its start', firingAt([0, 300]), 180, true, 180],
    ['ended exactly at the start, begun 2 hours before', firingAt([0, 120]), 120, false, null],
    ['fired at the same minute', firingAt([120, 125]), 120, true, 0],
    ['fired only after the start', firingAt([125, 140]), 120, false, null],
    ['two warnings: the lead is from the earlier', firingAt([70, 75], [110, 140]), 120, true, 50],
  ])('%s', (_label, firing, startMinute, caught, leadMinutes) => {
    expect(incidentsCaught(firing, [incident(startMinute)], 'checkout')).toEqual([
      { id: `INC-${startMinute}`, startedAt: at(startMinute), caught, leadMinutes },
    ])
  })

  test("only the service's incidents, in their order; the lookback is an option", () => {
    const incidents = [incident(120), incident(200, ['payments']), incident(300, ['payments', 'checkout'])]
    const caught = incidentsCaught(firingAt([30, 40], [290, 310]), incidents, 'checkout', { lookbackMinutes: 90 })
    expect(caught.map(({ id, caught, leadMinutes }) => [id, caught, leadMinutes])).toEqual([
      ['INC-120', true, 90],
      ['INC-300', true, 10],
    ])
  })
})

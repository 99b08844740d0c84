import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { evaluateAlerts, type AlertTransition } from './alert-state'
import { computeBacktest, type Interval } from './backtest'
import { fingerprintOf } from './fingerprint'
import type { Alert } from './schemas'
import { computeStateIntervals, matchRecordedStates, seriesKeyOf, type RecordedTransition } from './state-intervals'

const T0 = Date.UTC(2026, 2, 1)
const MINUTE_MS = 60_000
const at = (minutes: number) => T0 + minutes * MINUTE_MS
const CHECKOUT = { alertname: 'SlowCheckout', severity: 'warning', service: 'checkout', operation: 'POST /orders', span_kind: 'server' }
const cart = { ...CHECKOUT, operation: 'GET /cart' }
const health = { ...CHECKOUT, operation: 'GET /health' }
const RANGE = { fromMs: at(10), toMs: at(60) }

/** "20 new→pending, 25 pending→firing": one alert's transitions, at those minutes from T0. */
const transitionsOf = (text: string, labels: Record<string, string> = CHECKOUT): RecordedTransition[] =>
  text.split(', ').map((part) => {
    const [minute, from, to] = part.split(/ |→/) as [string, string, string]
    return { fingerprint: fingerprintOf(labels), labels, from, to, at: at(Number(minute)) }
  })
/** Intervals as minutes from T0: "20–25 32–40". */
const spans = (intervals: readonly Interval[]) =>
  intervals.map(({ startMs, endMs }) => `${(startMs - T0) / MINUTE_MS}–${(endMs - T0) / MINUTE_MS}`).join(' ')

describe('computeStateIntervals, one alert over minutes [10, 60]', () => {
  test.each<[string, string, { pending: string; firing: string } | null]>([
    ['pending then firing, resolved', '20 new→pending, 25 pending→firing, 40 firing→inactive', { pending: '20–25', firing: '25–40' }],
    ['for 0: new → firing, no pending', '20 new→firing, 30 firing→inactive', { pending: '', firing: '20–30' }],
    ['pending that never fired: deleted', '20 new→pending, 22 pending→deleted', { pending: '20–22', firing: '' }],
    ['still firing at the end: runs to toMs', '20 new→pending, 25 pending→firing', { pending: '20–25', firing: '25–60' }],
    ['begun before the range: clipped at fromMs', '0 new→pending, 5 pending→firing, 30 firing→inactive', { pending: '', firing: '10–30' }],
    ['firing across the whole range', '0 new→firing', { pending: '', firing: '10–60' }],
    ['ended before the range: left out', '0 new→firing, 5 firing→inactive, 25 inactive→deleted', null],
    ['begun after the range: left out', '70 new→pending, 75 pending→firing', null],
    ['ends after the range: clipped at toMs', '50 new→firing, 80 firing→inactive', { pending: '', firing: '50–60' }],
    [
      'resolved, holding again (inactive → pending), resolved, forgotten',
      '15 new→firing, 20 firing→inactive, 30 inactive→pending, 32 pending→firing, 40 firing→inactive, 56 inactive→deleted',
      { pending: '30–32', firing: '15–20 32–40' },
    ],
    [
      'history read from its middle: before its first transition, that one’s from state',
      '30 firing→inactive',
      { pending: '', firing: '10–30' },
    ],
    ['history read from its middle, before the range', '5 pending→firing, 30 firing→inactive', { pending: '', firing: '10–30' }],
    ['resolved only: nothing pending or firing', '30 inactive→deleted', null],
    ['a transition at fromMs opens there', '10 new→pending, 12 pending→firing', { pending: '10–12', firing: '12–60' }],
    ['a transition at toMs: a zero-length interval is left out', '60 new→firing', null],
    ['a duplicated transition changes nothing', '20 new→firing, 20 new→firing, 30 firing→inactive', { pending: '', firing: '20–30' }],
  ])('%s', (_label, transitions, expected) => {
    const alerts = computeStateIntervals(transitionsOf(transitions), RANGE)
    expect(alerts.map(({ pending, firing }) => ({ pending: spans(pending), firing: spans(firing) }))).toEqual(expected ? [expected] : [])
  })

  test('any order: newest first (as listAlertEvents reads them) gives the same', () => {
    const transitions = transitionsOf('20 new→pending, 25 pending→firing, 40 firing→inactive, 55 inactive→deleted')
    expect(computeStateIntervals(transitions.toReversed(), RANGE)).toEqual(computeStateIntervals(transitions, RANGE))
  })

  test('refuses a range that ends before it starts', () => {
    expect(() => computeStateIntervals([], { fromMs: at(10), toMs: at(5) })).toThrow(/fromMs ≤ toMs/)
  })
})

describe('computeStateIntervals, several alerts', () => {
  test('one entry per fingerprint with its latest labels; most firing first, then most pending', () => {
    const transitions = [
      ...transitionsOf('20 new→pending, 50 pending→deleted', health),
      ...transitionsOf('20 new→firing, 25 firing→inactive', cart),
      ...transitionsOf('15 new→firing'),
    ]
    expect(
      computeStateIntervals(transitions, RANGE).map(({ fingerprint, labels, pending, firing }) => [
        fingerprint,
        labels.operation,
        spans(pending),
        spans(firing),
      ]),
    ).toEqual([
      [fingerprintOf(CHECKOUT), 'POST /orders', '', '15–60'],
      [fingerprintOf(cart), 'GET /cart', '', '20–25'],
      [fingerprintOf(health), 'GET /health', '20–50', ''],
    ])
  })

  test('no transitions: no alerts', () => {
    expect(computeStateIntervals([], RANGE)).toEqual([])
  })
})

describe('matchRecordedStates over minutes [10, 60]', () => {
  const allHistory = { fromMs: 0, toMs: at(100) }

  test("lines recorded series up with charted ones by service, operation and span kind; an edit's two fingerprints merge", () => {
    const renamed = { ...CHECKOUT, alertname: 'CheckoutSlow', severity: 'critical' }
    const alerts = computeStateIntervals(
      [
        // Firing until the pass after the edit, where the renamed rule's alert starts pending.
        ...transitionsOf('12 new→firing, 30 firing→inactive'),
        ...transitionsOf('30 new→pending, 32 pending→firing', renamed),
        ...transitionsOf('40 new→firing, 45 firing→inactive', cart),
      ],
      allHistory,
    )
    const matched = matchRecordedStates([{ labels: renamed }, { labels: health }], alerts, RANGE)
    expect(
      matched.charted.map(({ labels, pending, firing, firingMs }) => [labels.operation, spans(pending), spans(firing), firingMs]),
    ).toEqual([
      ['POST /orders', '30–32', '12–30 32–60', 46 * MINUTE_MS],
      ['GET /health', '', '', 0],
    ])
    expect(matched.others.map(({ seriesKey, firing }) => [seriesKey, spans(firing)])).toEqual([[seriesKeyOf(cart), '40–45']])
    expect(matched).toMatchObject({ firedCount: 3, firingSeries: 2 })
  })

  test('overlapping intervals of one series merge (an old alert kept firing while the new one fires)', () => {
    const renamed = { ...CHECKOUT, alertname: 'CheckoutSlow' }
    const alerts = computeStateIntervals(
      [...transitionsOf('20 new→firing, 35 firing→inactive'), ...transitionsOf('30 new→firing, 50 firing→inactive', renamed)],
      allHistory,
    )
    const [series] = matchRecordedStates([{ labels: CHECKOUT }], alerts, RANGE).charted
    expect([spans(series!.firing), series!.firingMs]).toEqual(['20–50', 30 * MINUTE_MS])
  })

  test('clips to the range: intervals wholly outside it count for nothing', () => {
    const alerts = computeStateIntervals(
      [...transitionsOf('0 new→firing, 5 firing→inactive', cart), ...transitionsOf('50 new→firing')],
      allHistory,
    )
    const matched = matchRecordedStates([], alerts, RANGE)
    expect(matched.others.map(({ labels, firing }) => [labels.operation, spans(firing)])).toEqual([['POST /orders', '50–60']])
    expect(matched).toMatchObject({ firedCount: 1, firingSeries: 1 })
  })

  test('the others: most firing time first', () => {
    const alerts = computeStateIntervals(
      [...transitionsOf('20 new→firing, 25 firing→inactive'), ...transitionsOf('30 new→firing', cart)],
      RANGE,
    )
    expect(matchRecordedStates([], alerts, RANGE).others.map(({ labels }) => labels.operation)).toEqual(['GET /cart', 'POST /orders'])
  })
})

describe('computeStateIntervals against the backtest (fast-check)', () => {
  // The same state machine, two ways: the backtest's intervals, and the transitions the worker would have
  // recorded at each step read back. Equal over [first step, last step + step), the backtest's range.
  test('recorded transitions read back as the backtest replays them', () => {
    const steps = fc.array(fc.constantFrom('1', '1', '0'), { minLength: 1, maxLength: 60 }).map((symbols) => '1' + symbols.join(''))
    const timing = fc.record({
      forSeconds: fc.integer({ min: 0, max: 6 }).map((m) => m * 60),
      keepFiringForSeconds: fc.integer({ min: 0, max: 6 }).map((m) => m * 60),
    })
    fc.assert(
      fc.property(steps, timing, fc.integer({ min: 0, max: 30 }), (symbols, { forSeconds, keepFiringForSeconds }, fromMinute) => {
        const holds = [...symbols].map((symbol) => symbol === '1')
        const samples = holds.map((hold, i) => ({ at: at(i), value: hold ? 900 : 100, holds: hold }))
        const [backtest] = computeBacktest([{ labels: CHECKOUT, samples }], { forSeconds, keepFiringForSeconds, stepSeconds: 60 }).series

        const recorded: AlertTransition[] = []
        let alerts: ReadonlyMap<string, Alert> = new Map()
        holds.forEach((hold, i) => {
          const evaluation = evaluateAlerts(alerts, hold ? [{ labels: CHECKOUT, annotations: {}, value: 900 }] : [], {
            at: at(i),
            forSeconds,
            keepFiringForSeconds,
          })
          alerts = evaluation.alerts
          recorded.push(...evaluation.transitions)
        })
        const events = recorded.map((transition) => ({ ...transition, labels: CHECKOUT })).reverse()
        const range = { fromMs: at(Math.min(fromMinute, holds.length)), toMs: at(holds.length) }
        const [intervals] = computeStateIntervals(events, range)
        const clip = (list: Interval[]) =>
          list
            .map(({ startMs, endMs }) => ({ startMs: Math.max(startMs, range.fromMs), endMs: Math.min(endMs, range.toMs) }))
            .filter(({ startMs, endMs }) => endMs > startMs)
        expect({ pending: intervals?.pending ?? [], firing: intervals?.firing ?? [] }).toEqual({
          pending: clip(backtest!.pending),
          firing: clip(backtest!.firing),
        })
      }),
    )
  })
})

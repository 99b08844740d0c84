import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { uniformSource } from './seeded-random'
import {
  cohortOf,
  compareDebuggingTime,
  dailyMedianSeries,
  median,
  timeToResolveMs,
  type DebuggingTimeComparison,
  type GoLive,
  type IncidentTimes,
  type ServiceIncident,
} from './time-to-resolve'

const MINUTE = 60_000
const at = (iso: string) => new Date(iso)
const GO_LIVE = at('2026-03-01T00:00:00Z')
const goLive = (entries: Record<string, Date | null> = { checkout: GO_LIVE }): GoLive => new Map(Object.entries(entries))

/** An incident of `services` that started `dayOffset` days from the go-live and took `minutes` (null: still open). */
const incident = (services: string[], dayOffset: number, minutes: number | null): ServiceIncident => {
  const startedAt = new Date(GO_LIVE.getTime() + dayOffset * 86_400_000)
  return { services, startedAt, resolvedAt: minutes === null ? null : new Date(startedAt.getTime() + minutes * MINUTE) }
}
/** One incident per duration, on consecutive days before (negative offsets) or after the go-live. */
const cohort = (side: 'before' | 'after', minutes: (number | null)[], services = ['checkout']) =>
  minutes.map((value, index) => incident(services, side === 'before' ? -1 - index : index, value))

describe('timeToResolveMs', () => {
  test.each<[string, IncidentTimes, number | null]>([
    ['resolved − started', { startedAt: at('2026-03-01T10:00:00Z'), resolvedAt: at('2026-03-01T10:45:00Z') }, 45 * MINUTE],
    [
      'started wins over detected',
      { startedAt: at('2026-03-01T10:00:00Z'), detectedAt: at('2026-03-01T10:15:00Z'), resolvedAt: at('2026-03-01T10:45:00Z') },
      45 * MINUTE,
    ],
    [
      'detected when the start is unknown',
      { startedAt: null, detectedAt: at('2026-03-01T10:15:00Z'), resolvedAt: at('2026-03-01T10:45:00Z') },
      30 * MINUTE,
    ],
    ['unresolved', { startedAt: at('2026-03-01T10:00:00Z'), resolvedAt: null }, null],
    ['unresolved (field absent)', { startedAt: at('2026-03-01T10:00:00Z') }, null],
    ['no start and no detection', { resolvedAt: at('2026-03-01T10:45:00Z') }, null],
    ['resolved the moment it started', { startedAt: at('2026-03-01T10:00:00Z'), resolvedAt: at('2026-03-01T10:00:00Z') }, 0],
    ['resolved before it started (impossible)', { startedAt: at('2026-03-01T10:00:00Z'), resolvedAt: at('2026-03-01T09:00:00Z') }, null],
  ])('%s', (_label, times, ms) => {
    expect(timeToResolveMs(times)).toBe(ms)
  })
})

describe('cohortOf', () => {
  const SEARCH_LIVE = at('2026-04-01T00:00:00Z')
  const lives = goLive({ checkout: GO_LIVE, search: SEARCH_LIVE, legacy: null })
  const startingAt = (iso: string, services: string[]): ServiceIncident => ({ services, startedAt: at(iso) })
  test.each<[string, ServiceIncident, string | undefined, 'before' | 'after' | null]>([
    ['a millisecond before the go-live', startingAt('2026-02-28T23:59:59.999Z', ['checkout']), undefined, 'before'],
    ['at the go-live', startingAt('2026-03-01T00:00:00Z', ['checkout']), undefined, 'after'],
    ['detected after the go-live, start unknown', { services: ['checkout'], detectedAt: at('2026-03-02T00:00:00Z') }, undefined, 'after'],
    ['a service whose go-live is null', startingAt('2027-01-01T00:00:00Z', ['legacy']), undefined, 'before'],
    ['a service missing from the map', startingAt('2027-01-01T00:00:00Z', ['unknown']), undefined, 'before'],
    ['fleet-wide: the earliest go-live among its services', startingAt('2026-03-15T00:00:00Z', ['search', 'checkout']), undefined, 'after'],
    ['fleet-wide: listed the other way round, the same', startingAt('2026-03-15T00:00:00Z', ['checkout', 'search']), undefined, 'after'],
    [
      'fleet-wide: a service not live does not hold it back',
      startingAt('2026-03-15T00:00:00Z', ['legacy', 'checkout']),
      undefined,
      'after',
    ],
    ['for one service: that service’s go-live', startingAt('2026-03-15T00:00:00Z', ['checkout', 'search']), 'search', 'before'],
    ['no start and no detection', { services: ['checkout'], resolvedAt: at('2026-03-02T00:00:00Z') }, undefined, null],
  ])('%s', (_label, given, service, expected) => {
    expect(cohortOf(given, lives, service)).toBe(expected)
  })
})

describe('median', () => {
  test.each([
    ['none', [], null],
    ['one', [7], 7],
    ['odd count, unsorted', [30, 10, 20], 20],
    ['even count: the mean of the two middle', [40, 10, 30, 20], 25],
    ['repeated values', [5, 5, 5, 1], 5],
  ])('%s', (_label, values, expected) => {
    expect(median(values)).toBe(expected)
  })

  test('property: between min and max, unchanged by order, moves with a shift, not changed in place', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: -1000, max: 1000 }),
        (values, shift) => {
          const before = [...values]
          const middle = median(values)!
          expect(values).toEqual(before)
          expect(middle).toBeGreaterThanOrEqual(Math.min(...values))
          expect(middle).toBeLessThanOrEqual(Math.max(...values))
          expect(median([...values].reverse())).toBe(middle)
          expect(median(values.map((value) => value + shift))).toBe(middle + shift)
          // As many values at or below it as at or above it.
          expect(values.filter((value) => value <= middle).length).toBeGreaterThanOrEqual(values.length / 2)
          expect(values.filter((value) => value >= middle).length).toBeGreaterThanOrEqual(values.length / 2)
        },
      ),
    )
  })
})

describe('compareDebuggingTime', () => {
  const fleetOf = (incidents: ServiceIncident[], options: Partial<Parameters<typeof compareDebuggingTime>[2]> = {}, lives = goLive()) =>
    compareDebuggingTime(incidents, lives, { seed: 1, ...options }).fleet

  test.each<[string, ServiceIncident[], Partial<Parameters<typeof compareDebuggingTime>[2]>, Partial<DebuggingTimeComparison> & object]>([
    [
      'odd cohorts: exact medians, 30 → 15 min is 50 % faster, yet 5 a side is too little to be sure',
      [...cohort('before', [10, 20, 30, 40, 50]), ...cohort('after', [5, 10, 15, 20, 25])],
      {},
      { verdict: 'no clear change', medianBeforeMs: 30 * MINUTE, medianAfterMs: 15 * MINUTE, improvement: 0.5 },
    ],
    [
      'even cohorts: the mean of the two middle (35 → 20 min)',
      [...cohort('before', [10, 20, 30, 40, 50, 60]), ...cohort('after', [10, 10, 20, 20, 30, 30])],
      {},
      { medianBeforeMs: 35 * MINUTE, medianAfterMs: 20 * MINUTE, improvement: expect.closeTo(1 - 20 / 35, 12) },
    ],
    [
      'all equal in each cohort: the interval is the point',
      [...cohort('before', [60, 60, 60, 60, 60]), ...cohort('after', [30, 30, 30, 30, 30])],
      {},
      { verdict: 'faster', improvement: 0.5, interval: { low: 0.5, high: 0.5, confidence: 0.9 } },
    ],
    [
      'twice as long after: slower, improvement −1',
      [...cohort('before', [10, 10, 10, 10, 10]), ...cohort('after', [20, 20, 20, 20, 20])],
      {},
      { verdict: 'slower', improvement: -1, interval: { low: -1, high: -1, confidence: 0.9 } },
    ],
    [
      'the same spread before and after: no clear change',
      [...cohort('before', [10, 20, 30, 40, 50]), ...cohort('after', [50, 40, 30, 20, 10])],
      {},
      { verdict: 'no clear change', improvement: 0 },
    ],
    [
      'a smaller minCohort lets 3 and 3 be compared',
      [...cohort('before', [10, 20, 30]), ...cohort('after', [5, 10, 15])],
      { minCohort: 3 },
      { medianBeforeMs: 20 * MINUTE, improvement: 0.5, interval: expect.objectContaining({ confidence: 0.9 }) },
    ],
    [
      'open incidents are counted, not timed',
      [...cohort('before', [10, 20, 30, 40, 50, null]), ...cohort('after', [5, 10, 15, 20, 25, null, null])],
      {},
      { before: { resolved: 5, open: 1 }, after: { resolved: 5, open: 2 }, medianAfterMs: 15 * MINUTE },
    ],
  ])('%s', (_label, incidents, options, expected) => {
    expect(fleetOf(incidents, options)).toMatchObject(expected)
  })

  test.each<[string, ServiceIncident[], DebuggingTimeComparison]>([
    [
      'too few after (4 < 5): sizes only, no improvement offered',
      [...cohort('before', [10, 20, 30, 40, 50]), ...cohort('after', [5, 10, 15, 20, null])],
      { verdict: 'too few incidents', before: { resolved: 5, open: 0 }, after: { resolved: 4, open: 1 } },
    ],
    ['nothing at all', [], { verdict: 'too few incidents', before: { resolved: 0, open: 0 }, after: { resolved: 0, open: 0 } }],
    [
      'half the incidents before took 0 ms: no ratio',
      [...cohort('before', [0, 0, 0, 10, 10]), ...cohort('after', [5, 10, 15, 20, 25])],
      {
        verdict: 'no baseline',
        before: { resolved: 5, open: 0 },
        after: { resolved: 5, open: 0 },
        medianBeforeMs: 0,
        medianAfterMs: 15 * MINUTE,
      },
    ],
  ])('%s', (_label, incidents, expected) => {
    expect(fleetOf(incidents)).toEqual(expected)
  })

  /** 40 incidents a side, log-normal around 60 min before and 30 min after. */
  const noisy = (seed: number, services = ['checkout']) => {
    const random = uniformSource(seed)
    const minutes = (medianMinutes: number) => Math.round(medianMinutes * Math.exp((random() + random() + random() - 1.5) * 1.2))
    return [
      ...cohort(
        'before',
        Array.from({ length: 40 }, () => minutes(60)),
        services,
      ),
      ...cohort(
        'after',
        Array.from({ length: 40 }, () => minutes(30)),
        services,
      ),
    ]
  }

  test('the interval is reproducible with a seed, and moves with another', () => {
    const incidents = noisy(11)
    const first = compareDebuggingTime(incidents, goLive(), { seed: 7 })
    expect(compareDebuggingTime(incidents, goLive(), { seed: 7 })).toEqual(first)
    expect(compareDebuggingTime(incidents, goLive(), { seed: 8 }).fleet).not.toEqual(first.fleet)
  })

  test('the interval contains the point estimate, and a wider confidence gives a wider interval', () => {
    const narrow = fleetOf(noisy(11), { confidence: 0.8 })
    const wide = fleetOf(noisy(11), { confidence: 0.98 })
    if (narrow.verdict !== 'faster' || wide.verdict !== 'faster') throw new Error(`expected faster, got ${narrow.verdict}, ${wide.verdict}`)
    expect(narrow.interval.low).toBeLessThanOrEqual(narrow.improvement)
    expect(narrow.interval.high).toBeGreaterThanOrEqual(narrow.improvement)
    expect(wide.interval.low).toBeLessThanOrEqual(narrow.interval.low)
    expect(wide.interval.high).toBeGreaterThanOrEqual(narrow.interval.high)
    expect(narrow.interval.low).toBeGreaterThan(0)
  })

  test('per service: an incident of two services counts in each, and once fleet-wide', () => {
    const lives = goLive({ checkout: GO_LIVE, search: at('2026-06-01T00:00:00Z'), payments: null })
    const incidents = [
      incident(['checkout', 'search'], 10, 20), // checkout: after; search: before; fleet: after (earliest go-live)
      incident(['search'], 100, 15), // search: after
      incident(['checkout'], -3, 40), // before
      incident(['payments'], 50, 30), // no go-live: before
    ]
    const { fleet, services } = compareDebuggingTime(incidents, lives, { seed: 1, minCohort: 1 })
    expect(fleet).toMatchObject({
      before: { resolved: 2 },
      after: { resolved: 2 },
      medianBeforeMs: 35 * MINUTE,
      medianAfterMs: 17.5 * MINUTE,
    })
    expect(services.map(({ service, before, after }) => [service, before.resolved, after.resolved])).toEqual([
      ['checkout', 1, 1],
      ['payments', 1, 0],
      ['search', 1, 1],
    ])
    expect(services.find(({ service }) => service === 'payments')?.verdict).toBe('too few incidents')
  })

  test('a service with a go-live and no incidents is listed; one listed twice on an incident counts once', () => {
    const incidents = [incident(['checkout', 'checkout'], 1, 10)]
    const { services } = compareDebuggingTime(incidents, goLive({ checkout: GO_LIVE, cart: GO_LIVE }), { seed: 1 })
    expect(services).toEqual([
      { service: 'cart', verdict: 'too few incidents', before: { resolved: 0, open: 0 }, after: { resolved: 0, open: 0 } },
      { service: 'checkout', verdict: 'too few incidents', before: { resolved: 0, open: 0 }, after: { resolved: 1, open: 0 } },
    ])
  })

  test('a service’s interval depends on its incidents only, not on which other services exist', () => {
    const alone = compareDebuggingTime(noisy(3), goLive(), { seed: 5 }).services
    const withOthers = compareDebuggingTime([...noisy(3), ...noisy(4, ['search'])], goLive({ checkout: GO_LIVE, search: GO_LIVE }), {
      seed: 5,
    }).services
    expect(withOthers.find(({ service }) => service === 'checkout')).toEqual(alone[0])
  })

  test.each([
    ['minCohort 0', { minCohort: 0 }],
    ['a fractional minCohort', { minCohort: 2.5 }],
    ['no resamples', { resamples: 0 }],
    ['confidence 1', { confidence: 1 }],
    ['confidence as a percentage', { confidence: 90 }],
  ])('refuses %s', (_label, options) => {
    expect(() => fleetOf([], options)).toThrow(RangeError)
  })

  test('property: low ≤ high, both within what any resample could give', () => {
    const minutes = fc.array(fc.integer({ min: 1, max: 600 }), { minLength: 3, maxLength: 25 })
    fc.assert(
      fc.property(minutes, minutes, fc.integer(), (before, after, seed) => {
        const result = fleetOf([...cohort('before', before), ...cohort('after', after)], { seed, minCohort: 3, resamples: 200 })
        if (result.verdict === 'too few incidents' || result.verdict === 'no baseline') throw new Error(`unexpected ${result.verdict}`)
        const { low, high } = result.interval
        expect(low).toBeLessThanOrEqual(high)
        expect(low).toBeGreaterThanOrEqual(1 - Math.max(...after) / Math.min(...before) - 1e-12)
        expect(high).toBeLessThanOrEqual(1 - Math.min(...after) / Math.max(...before) + 1e-12)
      }),
      { numRuns: 60 },
    )
  })
})

describe('dailyMedianSeries', () => {
  const resolvedOn = (services: string[], startIso: string, resolvedIso: string): ServiceIncident => ({
    services,
    startedAt: at(startIso),
    resolvedAt: at(resolvedIso),
  })
  const incidents = [
    resolvedOn(['checkout'], '2026-02-27T22:00:00Z', '2026-02-28T00:30:00Z'), // before, 150 min, resolved on the 28th (UTC)
    resolvedOn(['checkout'], '2026-02-28T10:00:00Z', '2026-02-28T10:50:00Z'), // before, 50 min
    resolvedOn(['checkout'], '2026-02-28T23:50:00Z', '2026-03-01T00:10:00Z'), // before (started before go-live), 20 min, resolved on the 1st
    resolvedOn(['search'], '2026-03-01T08:00:00Z', '2026-03-01T08:40:00Z'), // search has no go-live: before, 40 min
    resolvedOn(['checkout'], '2026-03-03T09:00:00Z', '2026-03-03T09:10:00Z'), // after, 10 min
    resolvedOn(['checkout'], '2026-03-03T11:00:00Z', '2026-03-03T11:30:00Z'), // after, 30 min
    { services: ['checkout'], startedAt: at('2026-03-04T09:00:00Z'), resolvedAt: null }, // open: not on the chart
  ]

  test('fleet-wide: per UTC day of resolution, before and after, days without a resolution as nulls', () => {
    expect(dailyMedianSeries(incidents, goLive())).toEqual([
      { day: '2026-02-28', beforeMedianMs: 100 * MINUTE, beforeResolved: 2, afterMedianMs: null, afterResolved: 0 },
      { day: '2026-03-01', beforeMedianMs: 30 * MINUTE, beforeResolved: 2, afterMedianMs: null, afterResolved: 0 },
      { day: '2026-03-02', beforeMedianMs: null, beforeResolved: 0, afterMedianMs: null, afterResolved: 0 },
      { day: '2026-03-03', beforeMedianMs: null, beforeResolved: 0, afterMedianMs: 20 * MINUTE, afterResolved: 2 },
    ])
  })

  test('for one service: only its incidents, by its go-live', () => {
    expect(dailyMedianSeries(incidents, goLive(), { service: 'search' })).toEqual([
      { day: '2026-03-01', beforeMedianMs: 40 * MINUTE, beforeResolved: 1, afterMedianMs: null, afterResolved: 0 },
    ])
  })

  test('nothing resolved: an empty series', () => {
    expect(dailyMedianSeries([incidents[6]!], goLive())).toEqual([])
  })
})

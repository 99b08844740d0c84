import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { computeBaseline, type LatencyPoint } from './baseline'
import { D0, dailyPeakUs, flatUs, latencySeries } from './testing/latency-series'
import { computeSlowDetection, type SlowDetection, type SlowDetectionOptions } from './slow-detection'
import { DAY_US, HOUR_US, MINUTE_US } from '@/lib/time/time-buckets'

const L = 200_000 // p95 level, µs
const WEEK_END = D0 + 7 * DAY_US
const STEP_US = 5 * MINUTE_US
const week = (p95Us: (atUs: number) => number, days = 7) =>
  latencySeries({ startUs: WEEK_END - days * DAY_US, stepUs: HOUR_US, buckets: days * 24, seed: 11, p95Us })
const FLAT_BASELINE = computeBaseline(week(flatUs(L)), { windowEndUs: WEEK_END })

/** 5-minute buckets from `startUs`; `shape(i)` multiplies bucket i's level, `counts[i]` overrides its span count. */
function recent({
  startUs = WEEK_END,
  buckets = 24,
  levelUs = flatUs(L),
  shape = () => 1,
  counts = {},
}: {
  startUs?: number
  buckets?: number
  levelUs?: (atUs: number) => number
  shape?: (i: number) => number
  counts?: Record<number, number>
}): LatencyPoint[] {
  const points = latencySeries({
    startUs,
    stepUs: STEP_US,
    buckets,
    seed: 29,
    p95Us: (atUs) => levelUs(atUs) * shape((atUs - startUs) / STEP_US),
  })
  return points.map((point, i) => ({ ...point, count: counts[i] ?? point.count }))
}
const from = (first: number, factor: number) => (i: number) => (i >= first ? factor : 1)
const only = (indexes: number[], factor: number) => (i: number) => (indexes.includes(i) ? factor : 1)
/** The expected result, with sinceUs as minutes after the first recent bucket. */
const expected = (
  slow: boolean,
  sinceMinutes: number | null,
  breachingBuckets: number,
  startUs = WEEK_END,
): Omit<SlowDetection, 'score'> => ({
  slow,
  sinceUs: sinceMinutes === null ? null : startUs + sinceMinutes * MINUTE_US,
  breachingBuckets,
})

describe('computeSlowDetection against a flat baseline (p95, 15 min sustained, 5-minute buckets)', () => {
  test.each<[string, LatencyPoint[], SlowDetectionOptions, Omit<SlowDetection, 'score'>]>([
    ['flat traffic: not slow', recent({}), {}, expected(false, null, 0)],
    [
      'step ×2 at 60 min, seen 10 min in: breaching, not yet sustained',
      recent({ buckets: 14, shape: from(12, 2) }),
      {},
      expected(false, null, 2),
    ],
    ['step ×2 at 60 min, seen 15 min in: slow since the step', recent({ buckets: 15, shape: from(12, 2) }), {}, expected(true, 60, 3)],
    ['step ×2 at 60 min, seen an hour in: still since the step', recent({ shape: from(12, 2) }), {}, expected(true, 60, 12)],
    [
      'step ×2 at 60 min, sustainedUs 90 min: not yet',
      recent({ shape: from(12, 2) }),
      { sustainedUs: 90 * MINUTE_US },
      expected(false, null, 12),
    ],
    ['a single outlier bucket (×5) at the end', recent({ shape: only([23], 5) }), {}, expected(false, null, 1)],
    ['a single outlier bucket (×5) in the middle', recent({ shape: only([10], 5) }), {}, expected(false, null, 0)],
    ['two outlier buckets in a row', recent({ shape: only([22, 23], 5) }), {}, expected(false, null, 2)],
    [
      'recovery: ×2 from 30 to 60 min, then back inside the band',
      recent({ shape: (i) => (i >= 6 && i < 12 ? 2 : 1) }),
      {},
      expected(false, null, 0),
    ],
    ['a dip back inside the band restarts the streak', recent({ shape: (i) => (i >= 6 && i !== 20 ? 2 : 1) }), {}, expected(true, 105, 3)],
    [
      'low-count buckets inside the band do not end a streak',
      recent({ shape: from(12, 2), counts: { 13: 5, 15: 5 } }).map((p, i) => (i === 13 || i === 15 ? { ...p, p95Us: L } : p)),
      {},
      expected(true, 60, 10),
    ],
    [
      'low-count buckets above the band do not flag',
      recent({ shape: from(20, 5), counts: { 20: 5, 21: 5, 22: 5, 23: 5 } }),
      {},
      expected(false, null, 0),
    ],
    ['low-count buckets do not count toward the streak', recent({ shape: from(21, 2), counts: { 22: 5 } }), {}, expected(false, null, 2)],
    [
      'empty buckets (null quantiles) are skipped',
      recent({ shape: from(12, 2) }).map((p, i) => (i === 14 ? { ...p, count: 0, p50Us: null, p95Us: null, p99Us: null } : p)),
      {},
      expected(true, 60, 11),
    ],
    [
      'hourly buckets: three are needed even though one covers 15 min',
      recent({ buckets: 2, shape: () => 2 }).map((p, i) => ({ ...p, bucketStartUs: WEEK_END + i * HOUR_US })),
      {},
      expected(false, null, 2),
    ],
    [
      'minBuckets 1 (not the default) lets one hourly bucket flag',
      recent({ buckets: 1, shape: () => 2 }),
      { minBuckets: 1, bucketUs: HOUR_US },
      expected(true, 0, 1),
    ],
    [
      'the p99 option judges p99',
      recent({ shape: from(12, 2) }).map((p) => ({ ...p, p95Us: L })),
      { quantile: 'p99' },
      expected(true, 60, 12),
    ],
    ['no recent buckets', [], {}, expected(false, null, 0)],
  ])('%s', (_label, points, options, want) => expect(computeSlowDetection(points, FLAT_BASELINE, options)).toMatchObject(want))

  test('score is the robust z of the newest judged bucket', () => {
    expect(Math.abs(computeSlowDetection(recent({}), FLAT_BASELINE).score!)).toBeLessThan(1)
    expect(computeSlowDetection(recent({ shape: from(12, 2) }), FLAT_BASELINE).score).toBeCloseTo(20, -1) // (2L − L) / 0.05 L
  })

  test('an insufficient baseline judges nothing', () => {
    const insufficient = computeBaseline(week(flatUs(L), 0.5))
    expect(insufficient.state).toBe('insufficient')
    expect(computeSlowDetection(recent({ shape: from(0, 5) }), insufficient)).toEqual({
      slow: false,
      sinceUs: null,
      score: null,
      breachingBuckets: 0,
    })
  })
})

describe('computeSlowDetection with daily seasonality (p95 ×3 from 12:00 to 14:00 UTC)', () => {
  const peakUs = dailyPeakUs(L, 3 * L, 12, 14)
  const noonUs = WEEK_END + 12 * HOUR_US
  const peakHour = recent({ startUs: noonUs, buckets: 12, levelUs: peakUs })
  test.each<[string, Parameters<typeof computeBaseline>, LatencyPoint[], Omit<SlowDetection, 'score'>]>([
    [
      'seasonal baseline: the daily peak is inside its hour band',
      [week(peakUs), { windowEndUs: WEEK_END }],
      peakHour,
      expected(false, null, 0, noonUs),
    ],
    [
      'plain baseline (seasonality off): the same peak flags from noon',
      [week(peakUs), { windowEndUs: WEEK_END, allowSeasonal: false }],
      peakHour,
      expected(true, 0, 12, noonUs),
    ],
    [
      'plain baseline (2 days of history): the same peak flags from noon',
      [week(peakUs, 2), { windowEndUs: WEEK_END }],
      peakHour,
      expected(true, 0, 12, noonUs),
    ],
    [
      'seasonal baseline: ×2 on top of the peak still flags',
      [week(peakUs), { windowEndUs: WEEK_END }],
      recent({ startUs: noonUs, buckets: 12, levelUs: peakUs, shape: from(6, 2) }),
      expected(true, 30, 6, noonUs),
    ],
    [
      'seasonal baseline: the peak level off-peak flags',
      [week(peakUs), { windowEndUs: WEEK_END }],
      recent({ startUs: WEEK_END + 3 * HOUR_US, buckets: 12, levelUs: () => 3 * L }),
      expected(true, 0, 12, WEEK_END + 3 * HOUR_US),
    ],
  ])('%s', (_label, [points, options], recentPoints, want) => {
    expect(computeSlowDetection(recentPoints, computeBaseline(points, options))).toMatchObject(want)
  })
})

describe('computeSlowDetection: properties', () => {
  test('one breaching bucket never flags, whatever its size and place', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.double({ min: 1, max: 1000, noNaN: true }), (index, factor) => {
        expect(computeSlowDetection(recent({ shape: only([index], factor) }), FLAT_BASELINE).slow).toBe(false)
      }),
    )
  })

  test('the result does not depend on the order of the buckets', () => {
    const points = recent({ shape: (i) => (i % 7 === 0 ? 1 : 2), counts: { 3: 4, 17: 2 } })
    fc.assert(
      fc.property(fc.shuffledSubarray(points, { minLength: points.length, maxLength: points.length }), (permuted) => {
        expect(computeSlowDetection(permuted, FLAT_BASELINE)).toEqual(computeSlowDetection(points, FLAT_BASELINE))
      }),
    )
  })
})

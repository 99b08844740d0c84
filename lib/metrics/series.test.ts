import { describe, expect, test } from 'vitest'
import { histogramOf } from './histogram'
import { computeSeries, perMinute, QUALITY_FIELDS, sumQualityTotals, summarizeRows, type QualityTotals, type SeriesRow } from './series'
import { HOUR_US, MINUTE_US } from '@/lib/time/time-buckets'

const T0 = Date.UTC(2026, 10, 24, 9, 0) * 1000
const row = (minute: number, durations: number[], errors = 0): SeriesRow => ({
  bucketStartUs: T0 + minute * MINUTE_US,
  count: durations.length,
  errors,
  estimatedCount: durations.length * 10,
  estimatedErrors: errors * 10,
  histogram: durations.length ? histogramOf(durations).encode() : null,
})

describe('computeSeries', () => {
  test('rows fall into their step; every step is there, empty ones as gaps', () => {
    const points = computeSeries([row(0, [1000, 2000]), row(3, [3000], 1), row(7, [9000])], {
      startUs: T0,
      endUs: T0 + 15 * MINUTE_US,
      stepUs: 5 * MINUTE_US,
    })
    expect(points.map((p) => [(p.bucketStartUs - T0) / MINUTE_US, p.count, p.errors, p.estimatedCount])).toEqual([
      [0, 3, 1, 30],
      [5, 1, 0, 10],
      [10, 0, 0, 0],
    ])
    expect(points[2]).toMatchObject({ p50Us: null, p95Us: null, p99Us: null })
  })

  test('a step percentile is the merge of its rows, not an average of theirs', () => {
    const [point] = computeSeries([row(0, Array(99).fill(1000)), row(1, [1_000_000])], {
      startUs: T0,
      endUs: T0 + 5 * MINUTE_US,
      stepUs: 5 * MINUTE_US,
    })
    expect(point!.p50Us).toBeCloseTo(1000, -1)
    expect(point!.p99Us).toBeCloseTo(1000, -1) // 1 of 100 is slow: p99 (rank 98) is still fast
  })

  test('rows outside the range are left out; a row without spans of the kind has no histogram', () => {
    const points = computeSeries([row(-1, [5]), row(60, [5]), { ...row(0, []), count: 0 }], {
      startUs: T0,
      endUs: T0 + HOUR_US,
      stepUs: HOUR_US,
    })
    expect(points).toHaveLength(1)
    expect(points[0]!.count).toBe(0)
  })
})

test('summarizeRows and perMinute', () => {
  expect(summarizeRows([row(0, [1000]), row(1, [2000], 1)])).toMatchObject({ count: 2, errors: 1, estimatedCount: 20 })
  expect(perMinute(600, HOUR_US)).toBe(10)
  expect(perMinute(5, 0)).toBe(0)
})

describe('sumQualityTotals', () => {
  const counters = (value: number) =>
    Object.fromEntries(QUALITY_FIELDS.map((field, index) => [field, value * (index + 1)])) as QualityTotals
  test('sums every counter; no rows is all zero', () => {
    expect(sumQualityTotals([counters(1), counters(2)])).toEqual(counters(3))
    expect(Object.values(sumQualityTotals([]))).toEqual(QUALITY_FIELDS.map(() => 0))
  })
})

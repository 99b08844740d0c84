import { describe, expect, test } from 'vitest'
import { computeBaseline } from '@/lib/metrics/baseline'
import {
  computeCoverage,
  computeErrorSeries,
  computeLatencySummary,
  computeRateSeries,
  computeServiceStatus,
  computeSlowness,
  computeVerdict,
  sortOperationRows,
  sparklineRange,
} from './latency-view'
import type { OperationRow } from './schemas'

const HOUR_US = 3_600_000_000
const stats = (count: number, errors: number, estimatedCount = count) => ({
  count,
  errors,
  estimatedCount,
  estimatedErrors: errors,
  p50Us: 1,
  p95Us: 2,
  p99Us: 3,
})

describe('computeServiceStatus', () => {
  const summary = (count: number, errors: number) => computeLatencySummary(stats(count, errors), HOUR_US)
  test.each([
    ['never seen in Jaeger', { traced: false, summary: summary(0, 0), slow: false }, 'not_traced'],
    ['slow wins over erroring', { traced: true, summary: summary(100, 50), slow: true }, 'slow'],
    ['5 % of entry spans failed: erroring', { traced: true, summary: summary(100, 5), slow: false }, 'erroring'],
    ['4 % failed: ok', { traced: true, summary: summary(100, 4), slow: false }, 'ok'],
    ['2 of 3 failed: too few spans to call it erroring', { traced: true, summary: summary(3, 2), slow: false }, 'ok'],
    ['traced, nothing in the range', { traced: true, summary: summary(0, 0), slow: false }, 'no_data'],
  ] as const)('%s → %s', (_label, input, expected) => expect(computeServiceStatus(input)).toBe(expected))
})

describe('computeLatencySummary', () => {
  test('rates per minute from the estimates; "estimated" only when sampling made them differ', () => {
    expect(computeLatencySummary(stats(60, 3, 600), HOUR_US)).toMatchObject({ estimatedPerMinute: 10, estimated: true, errorRatio: 0.05 })
    expect(computeLatencySummary(stats(60, 0, 60), HOUR_US)).toMatchObject({ estimatedPerMinute: 1, estimated: false, errorRatio: 0 })
    expect(computeLatencySummary(stats(0, 0), HOUR_US).errorRatio).toBeNull()
  })
})

describe('computeCoverage', () => {
  test('expected operations seen and missing; key-attribute shares; mean sampling probability', () => {
    const totals = {
      spans: 200,
      tracesSeen: 50,
      tracesComplete: 49,
      orphanSpans: 1,
      skewedSpans: 0,
      warningSpans: 0,
      cleanedTextSpans: 0,
      serverSpans: 100,
      serverSpansWithRoute: 90,
      httpSpans: 0,
      httpSpansWithStatus: 0,
      spansWithVersion: 200,
      spansWithSampler: 100,
      samplerParamSum: 10,
    }
    expect(computeCoverage(totals, new Set(['GET /a', 'SELECT a']), ['GET /a', 'POST /a'])).toEqual({
      operationsSeen: 2,
      operationsExpected: 2,
      missingOperations: ['POST /a'],
      routeRatio: 0.9,
      statusCodeRatio: null,
      versionRatio: 1,
      samplingRate: 0.1,
    })
  })
})

describe('computeVerdict', () => {
  test('a seasonal baseline gives the band of the hour asked about; an insufficient one says why', () => {
    const points = Array.from({ length: 4 * 24 }, (_, i) => ({
      bucketStartUs: i * HOUR_US,
      count: 100,
      p50Us: 100,
      p95Us: i % 24 === 15 ? 5000 : 1000,
      p99Us: 9000,
    }))
    const baseline = computeBaseline(points, { windowEndUs: 4 * 24 * HOUR_US })
    const health = {
      service: 's',
      operation: 'o',
      spanKind: 'server',
      state: 'ok' as const,
      baseline,
      slowSinceUs: null,
      deviation: 0.2,
      currentP95Us: 1000,
      judgedToUs: 1,
      computedAtUs: 1,
    }
    expect(computeVerdict(health, 15 * HOUR_US)?.baselineP95?.centerUs).toBe(5000)
    expect(computeVerdict(health, 16 * HOUR_US)).toMatchObject({ baselineKind: 'seasonal', baselineP95: { centerUs: 1000 } })
    const insufficient = computeVerdict({ ...health, state: 'insufficient_data', baseline: computeBaseline(points.slice(0, 5)) }, 0)
    expect(insufficient).toMatchObject({
      baselineP95: null,
      baselineKind: null,
      insufficientReason: expect.stringContaining('5 of the 24 clock hours'),
    })
    expect(computeVerdict(undefined, 0)).toBeNull()
  })
})

describe('chart series', () => {
  const point = (bucketStartUs: number, count: number, errors: number, estimatedCount: number) => ({
    bucketStartUs,
    count,
    errors,
    estimatedCount,
    estimatedErrors: errors,
    p50Us: null,
    p95Us: null,
    p99Us: null,
  })
  test('rate per minute from the estimates and error ratio per step; empty steps are gaps, not zeros', () => {
    const points = [point(0, 10, 1, 100), point(300_000_000, 0, 0, 0)]
    expect(computeRateSeries(points, 300_000_000)).toEqual([
      { bucketStartUs: 0, value: 20 },
      { bucketStartUs: 300_000_000, value: null },
    ])
    expect(computeErrorSeries(points).map((p) => p.errorRatio)).toEqual([0.1, null])
  })
})

describe('sortOperationRows', () => {
  type State = NonNullable<OperationRow['verdict']>['state']
  const row = (
    operation: string,
    state: State,
    deviation: number,
    perMinute: number,
    p95: { currentUs: number; baselineUs: number } | null = null,
  ): OperationRow => ({
    operation,
    spanKind: 'server',
    summary: { count: 1, errors: 0, estimatedPerMinute: perMinute, estimated: false, errorRatio: 0, p50Us: 1, p95Us: 1, p99Us: 1 },
    verdict: {
      state,
      slowSinceUs: null,
      deviation,
      currentP95Us: p95?.currentUs ?? null,
      baselineP95: p95 ? { centerUs: p95.baselineUs, spreadUs: p95.baselineUs / 20, lowerUs: 0, upperUs: p95.baselineUs * 1.15 } : null,
      baselineKind: p95 ? 'plain' : null,
      insufficientReason: null,
      judgedToUs: 0,
    },
  })
  test('slow first, furthest off first; then the busiest', () => {
    const sorted = sortOperationRows([
      row('quiet', 'ok', 0, 1),
      row('busy', 'ok', 0, 50),
      row('slowish', 'slow', 4, 1),
      row('slowest', 'slow', 30, 1),
      row('forming', 'insufficient_data', 0, 99),
    ])
    expect(sorted.map((r) => r.operation)).toEqual(['slowest', 'slowish', 'busy', 'quiet', 'forming'])
  })
  test('the query that turned 12× slower leads the handler that waits on it, though the handler is more spreads off', () => {
    const handler = row('GET /transactions', 'slow', 60, 17, { currentUs: 55_000, baselineUs: 11_700 }) // ×4.7, narrow band
    const query = row('SELECT transactions', 'slow', 25, 17, { currentUs: 48_000, baselineUs: 4_000 }) // ×12
    expect(sortOperationRows([handler, query]).map((r) => r.operation)).toEqual(['SELECT transactions', 'GET /transactions'])
    expect(computeSlowness(query.verdict)).toBe(12)
    expect(computeSlowness(row('new', 'slow', 3, 1).verdict)).toBeNull()
  })
})

describe('sparklineRange', () => {
  const MINUTE_US = 60_000_000
  const DAY_US = 24 * HOUR_US
  const END_US = Date.UTC(2026, 10, 24, 18) * 1000 // on a 6-hour edge, not a day's
  test.each([
    ['last hour keeps its minutes (no coarser step gives 24 points)', { lengthUs: HOUR_US, stepUs: MINUTE_US }, MINUTE_US],
    ['last 6 hours keeps its 5 minutes', { lengthUs: 6 * HOUR_US, stepUs: 5 * MINUTE_US }, 5 * MINUTE_US],
    ['last 24 hours: 24 hourly points instead of 96', { lengthUs: DAY_US, stepUs: 15 * MINUTE_US }, HOUR_US],
    ['last 7 days keeps its hours (7 daily points are too few)', { lengthUs: 7 * DAY_US, stepUs: HOUR_US }, HOUR_US],
    ['last 30 days: daily points from day rollups', { lengthUs: 30 * DAY_US, stepUs: 6 * HOUR_US }, DAY_US],
  ])('%s', (_label, { lengthUs, stepUs }, expectedStepUs) => {
    const range = { startUs: END_US - lengthUs, endUs: END_US, stepUs }
    const spark = sparklineRange(range)
    expect(spark.stepUs).toBe(expectedStepUs)
    expect(spark.endUs).toBe(END_US)
    expect(spark.startUs % expectedStepUs).toBe(0) // whole rollup buckets
    expect(spark.startUs).toBeLessThanOrEqual(range.startUs)
    expect(range.startUs - spark.startUs).toBeLessThan(expectedStepUs)
  })
})

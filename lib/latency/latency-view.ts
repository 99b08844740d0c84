// From rollup totals and stored verdicts to what the latency pages show: rates, ratios, the band
// along a chart, a service's status. Pure.
import { bandAt, type Band, type Baseline } from '@/lib/metrics/baseline'
import type { LatencyStats, QualityTotals, SeriesPoint } from '@/lib/metrics/series'
import { DAY_US, floorTo, HOUR_US } from '@/lib/time/time-buckets'
import type { LatencyHealth } from './judge-latency'
import type { LatencySummary, LatencyVerdict, OperationRow, ServiceRow } from './schemas'

/** A service is "erroring" from this share of failed entry spans (1 in 20). */
export const ERRORING_RATIO = 0.05
/** Below this many spans in the range, an error ratio says more about chance than the service. */
export const MIN_SPANS_FOR_ERROR_RATIO = 20

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null)

export function computeLatencySummary(stats: LatencyStats, lengthUs: number): LatencySummary {
  const minutes = lengthUs / 60_000_000
  return {
    count: stats.count,
    errors: stats.errors,
    estimatedPerMinute: minutes > 0 ? stats.estimatedCount / minutes : 0,
    // Estimates equal counts only when nothing was sampled away (a 1e-9 slack for float sums).
    estimated: Math.abs(stats.estimatedCount - stats.count) > 1e-9 * Math.max(1, stats.count),
    errorRatio: ratio(stats.errors, stats.count),
    p50Us: stats.p50Us,
    p95Us: stats.p95Us,
    p99Us: stats.p99Us,
  }
}

/** The stored verdict as the pages show it, with the band in force at `atUs`. */
export function computeVerdict(health: LatencyHealth | undefined, atUs: number): LatencyVerdict | null {
  if (!health) return null
  const baseline = health.baseline
  return {
    state: health.state,
    slowSinceUs: health.slowSinceUs,
    deviation: health.deviation,
    currentP95Us: health.currentP95Us,
    baselineP95: bandAt(baseline, 'p95', atUs),
    baselineKind: baseline.state === 'ready' ? baseline.kind : null,
    insufficientReason: baseline.state === 'insufficient' ? baseline.reason : null,
    judgedToUs: health.judgedToUs,
  }
}

/** The p95 band at each point's start (its hour's, when seasonal), aligned with `points`. */
export const computeBandSeries = (baseline: Baseline | undefined, points: readonly SeriesPoint[]): (Band | null)[] =>
  points.map((point) => (baseline ? bandAt(baseline, 'p95', point.bucketStartUs) : null))

export function computeQuality(totals: QualityTotals) {
  return {
    tracesSeen: totals.tracesSeen,
    completeRatio: ratio(totals.tracesComplete, totals.tracesSeen),
    spans: totals.spans,
    orphanSpans: totals.orphanSpans,
    skewedSpans: totals.skewedSpans,
    warningSpans: totals.warningSpans,
    cleanedTextSpans: totals.cleanedTextSpans,
  }
}

export function computeCoverage(totals: QualityTotals, seenOperations: ReadonlySet<string>, expectedOperations: readonly string[]) {
  return {
    operationsSeen: seenOperations.size,
    operationsExpected: expectedOperations.length,
    missingOperations: expectedOperations.filter((operation) => !seenOperations.has(operation)),
    routeRatio: ratio(totals.serverSpansWithRoute, totals.serverSpans),
    statusCodeRatio: ratio(totals.httpSpansWithStatus, totals.httpSpans),
    versionRatio: ratio(totals.spansWithVersion, totals.spans),
    samplingRate: totals.spansWithSampler > 0 ? totals.samplerParamSum / totals.spansWithSampler : null,
  }
}

/**
 * One word for the services list, worst first: slow (its entry spans or any operation judged slow),
 * erroring (≥ ERRORING_RATIO of its entry spans failed, over enough spans), ok; no_data when it
 * was traced but nothing fell in the range; not_traced when Jaeger has never shown it.
 */
export function computeServiceStatus({
  traced,
  summary,
  slow,
}: {
  traced: boolean
  summary: LatencySummary
  slow: boolean
}): ServiceRow['status'] {
  if (!traced) return 'not_traced'
  if (slow) return 'slow'
  if (summary.count === 0) return 'no_data'
  if (summary.count >= MIN_SPANS_FOR_ERROR_RATIO && (summary.errorRatio ?? 0) >= ERRORING_RATIO) return 'erroring'
  return 'ok'
}

/** Per step: estimated requests per minute (null for an empty step, so gaps show). */
export const computeRateSeries = (points: readonly SeriesPoint[], stepUs: number) =>
  points.map((point) => ({
    bucketStartUs: point.bucketStartUs,
    value: point.count > 0 ? point.estimatedCount / (stepUs / 60_000_000) : null,
  }))

/** Per step: the share of failed spans (null for an empty step). */
export const computeErrorSeries = (points: readonly SeriesPoint[]) =>
  points.map((point) => ({
    bucketStartUs: point.bucketStartUs,
    errorRatio: ratio(point.errors, point.count),
    errors: point.errors,
    count: point.count,
  }))

const VERDICT_RANK: Record<LatencyVerdict['state'], number> = { slow: 0, ok: 1, no_recent_data: 2, insufficient_data: 3 }

/** How many times its normal p95 the latest judged p95 is: the "×N" of a slow operation; null without both. */
export function computeSlowness(verdict: Pick<LatencyVerdict, 'currentP95Us' | 'baselineP95'> | null | undefined): number | null {
  if (!verdict || verdict.currentP95Us === null || !verdict.baselineP95 || verdict.baselineP95.centerUs <= 0) return null
  return verdict.currentP95Us / verdict.baselineP95.centerUs
}

/**
 * Slow operations first, the most times slower than normal first (then the furthest off in
 * spreads), then the busiest. Times-slower leads because a slowdown's cause usually has the largest
 * relative change: its callers inherit the same delay diluted by their own work, while a deviation
 * in spreads favours whichever operation happens to have the narrowest band.
 */
export function sortOperationRows(rows: readonly OperationRow[]): OperationRow[] {
  const slowFirst = (a: OperationRow, b: OperationRow) =>
    a.verdict?.state !== 'slow'
      ? 0
      : (computeSlowness(b.verdict) ?? 0) - (computeSlowness(a.verdict) ?? 0) || (b.verdict?.deviation ?? 0) - (a.verdict?.deviation ?? 0)
  return [...rows].sort(
    (a, b) =>
      (a.verdict ? VERDICT_RANK[a.verdict.state] : 4) - (b.verdict ? VERDICT_RANK[b.verdict.state] : 4) ||
      slowFirst(a, b) ||
      b.summary.estimatedPerMinute - a.summary.estimatedPerMinute ||
      a.operation.localeCompare(b.operation),
  )
}

/** Fewest points a services-list sparkline is drawn with. */
export const SPARKLINE_MIN_POINTS = 24

type StepRange = { startUs: number; endUs: number; stepUs: number }

/**
 * The services list draws sparklines, not charts: the coarsest rollup step (an hour, a day) above
 * the range's own that still gives at least SPARKLINE_MIN_POINTS points — 30 days read one day row
 * per service and day instead of 720 hour rows. The start is floored to that step so every point
 * is whole rollup buckets (the first holds only the part of its day inside the range).
 */
export function sparklineRange(range: StepRange): StepRange {
  const stepUs = [DAY_US, HOUR_US].find((step) => step > range.stepUs && (range.endUs - range.startUs) / step >= SPARKLINE_MIN_POINTS)
  return stepUs === undefined ? range : { startUs: floorTo(range.startUs, stepUs), endUs: range.endUs, stepUs }
}

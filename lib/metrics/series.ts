// Rollup rows → chart points (one per step) or one summary. Pure. Histograms merge per step, so every
// point's percentiles are exact merges of the rows inside it.
import { LatencyHistogram } from './histogram'
import type { ServiceRollup } from './rollup'
import { floorTo } from '@/lib/time/time-buckets'

export type SeriesRow = {
  bucketStartUs: number
  count: number
  errors: number
  /** Extrapolated by sampling. */
  estimatedCount: number
  estimatedErrors: number
  /** lib/metrics/histogram.ts encoding; null when the row had no spans of the kind summarised. */
  histogram: Uint8Array | null
}

export type LatencyStats = {
  count: number
  errors: number
  estimatedCount: number
  estimatedErrors: number
  p50Us: number | null
  p95Us: number | null
  p99Us: number | null
}
export type SeriesPoint = LatencyStats & { bucketStartUs: number }

/** The trace-quality and coverage counters of a service's rollups that pages sum over a range. */
export const QUALITY_FIELDS = [
  'spans',
  'tracesSeen',
  'tracesComplete',
  'orphanSpans',
  'skewedSpans',
  'warningSpans',
  'cleanedTextSpans',
  'serverSpans',
  'serverSpansWithRoute',
  'httpSpans',
  'httpSpansWithStatus',
  'spansWithVersion',
  'spansWithSampler',
  'samplerParamSum',
] as const satisfies readonly (keyof ServiceRollup)[]

/** A service's trace-quality and coverage counters (service_rollups), summed over a range. */
export type QualityTotals = Record<(typeof QUALITY_FIELDS)[number], number>

/** Sums the quality counters of rows (none: all zero). */
export function sumQualityTotals(rows: Iterable<QualityTotals>): QualityTotals {
  const totals = Object.fromEntries(QUALITY_FIELDS.map((field) => [field, 0])) as QualityTotals
  for (const row of rows) for (const field of QUALITY_FIELDS) totals[field] += row[field]
  return totals
}

function stats(rows: readonly SeriesRow[]): LatencyStats {
  const histogram = LatencyHistogram.mergeEncoded(rows.flatMap((row) => (row.histogram ? [row.histogram] : [])))
  let count = 0
  let errors = 0
  let estimatedCount = 0
  let estimatedErrors = 0
  for (const row of rows) {
    count += row.count
    errors += row.errors
    estimatedCount += row.estimatedCount
    estimatedErrors += row.estimatedErrors
  }
  return {
    count,
    errors,
    estimatedCount,
    estimatedErrors,
    p50Us: histogram.quantile(0.5),
    p95Us: histogram.quantile(0.95),
    p99Us: histogram.quantile(0.99),
  }
}

/** Every step of [startUs, endUs), empty steps included (count 0, percentiles null): gaps stay visible. */
export function computeSeries(
  rows: readonly SeriesRow[],
  { startUs, endUs, stepUs }: { startUs: number; endUs: number; stepUs: number },
): SeriesPoint[] {
  const byStep = new Map<number, SeriesRow[]>()
  for (const row of rows) {
    if (row.bucketStartUs < startUs || row.bucketStartUs >= endUs) continue
    const step = startUs + floorTo(row.bucketStartUs - startUs, stepUs)
    const list = byStep.get(step)
    if (list) list.push(row)
    else byStep.set(step, [row])
  }
  const points: SeriesPoint[] = []
  for (let bucketStartUs = startUs; bucketStartUs < endUs; bucketStartUs += stepUs)
    points.push({ bucketStartUs, ...stats(byStep.get(bucketStartUs) ?? []) })
  return points
}

export const summarizeRows = (rows: readonly SeriesRow[]): LatencyStats => stats(rows)

/** Per minute, from a count over `lengthUs`. */
export const perMinute = (count: number, lengthUs: number) => (lengthUs > 0 ? count / (lengthUs / 60_000_000) : 0)

// Rollup rows → chart points (one per step) or one summary. Pure. Histograms merge per step, so every
// point's percentiles are exact merges of the rows inside it.
import { LatencyHistogram } from './histogram'
import { floorTo } from './time-buckets'

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

export type LatencyStats = { count: number; errors: number; estimatedCount: number; estimatedErrors: number; p50Us: number | null; p95Us: number | null; p99Us: number | null }
export type SeriesPoint = LatencyStats & { bucketStartUs: number }

/** A service's trace-quality and coverage counters (service_rollups), summed over a range. */
export type QualityTotals = {
  spans: number
  tracesSeen: number
  tracesComplete: number
  orphanSpans: number
  skewedSpans: number
  warningSpans: number
  serverSpans: number
  serverSpansWithRoute: number
  httpSpans: number
  httpSpansWithStatus: number
  spansWithVersion: number
  spansWithSampler: number
  samplerParamSum: number
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
  return { count, errors, estimatedCount, estimatedErrors, p50Us: histogram.quantile(0.5), p95Us: histogram.quantile(0.95), p99Us: histogram.quantile(0.99) }
}

/** Every step of [startUs, endUs), empty steps included (count 0, percentiles null): gaps stay visible. */
export function computeSeries(rows: readonly SeriesRow[], { startUs, endUs, stepUs }: { startUs: number; endUs: number; stepUs: number }): SeriesPoint[] {
  const byStep = new Map<number, SeriesRow[]>()
  for (const row of rows) {
    if (row.bucketStartUs < startUs || row.bucketStartUs >= endUs) continue
    const step = startUs + floorTo(row.bucketStartUs - startUs, stepUs)
    const list = byStep.get(step)
    if (list) list.push(row)
    else byStep.set(step, [row])
  }
  const points: SeriesPoint[] = []
  for (let bucketStartUs = startUs; bucketStartUs < endUs; bucketStartUs += stepUs) points.push({ bucketStartUs, ...stats(byStep.get(bucketStartUs) ?? []) })
  return points
}

export const summarizeRows = (rows: readonly SeriesRow[]): LatencyStats => stats(rows)

/** Per minute, from a count over `lengthUs`. */
export const perMinute = (count: number, lengthUs: number) => (lengthUs > 0 ? count / (lengthUs / 60_000_000) : 0)

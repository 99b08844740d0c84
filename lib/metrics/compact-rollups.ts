// Merges rollup rows of fine buckets into one coarser bucket (minutes → hour, hours → day). Pure.
// Counts and sums add, maxima take the max, histograms merge exactly: an hour row answers any
// question its minutes would have answered (percentiles included), never an average of percentiles.
import { LatencyHistogram } from './histogram'
import { addSpanCounts, SERVICE_COUNTERS, type ServiceRollup } from './rollup'
import { operationKey } from './operation-key'

export type StoredSpanRollup = {
  operation: string
  spanKind: string
  spanCount: number
  errorCount: number
  estimatedSpanCount: number
  estimatedErrorCount: number
  durationSumUs: number
  durationMaxUs: number
  /** lib/metrics/histogram.ts encoding */
  histogram: Uint8Array
}

/** A service rollup as stored: the entry histogram encoded (null when the bucket had no entry spans). */
export type StoredServiceRollup = Omit<ServiceRollup, 'bucketStartUs' | 'entryHistogram'> & { entryHistogram: Uint8Array | null }

/** One row per (operation, span kind). */
export function compactSpanRollups(rows: readonly StoredSpanRollup[]): StoredSpanRollup[] {
  const groups = new Map<string, { row: StoredSpanRollup; histograms: Uint8Array[] }>()
  for (const row of rows) {
    const key = operationKey(row.operation, row.spanKind)
    const group = groups.get(key)
    if (!group) {
      groups.set(key, { row: { ...row }, histograms: [row.histogram] })
      continue
    }
    addSpanCounts(group.row, row)
    group.histograms.push(row.histogram)
  }
  return [...groups.values()].map(({ row, histograms }) => ({
    ...row,
    histogram: histograms.length === 1 ? row.histogram : LatencyHistogram.mergeEncoded(histograms).encode(),
  }))
}

/** The sum of a service's rows, entry histograms merged; null when there are none. */
export function compactServiceRollups(rows: readonly StoredServiceRollup[]): StoredServiceRollup | null {
  if (rows.length === 0) return null
  const total = { ...rows[0]! }
  for (const row of rows.slice(1)) for (const field of SERVICE_COUNTERS) total[field] += row[field]
  const histograms = rows.flatMap((row) => (row.entryHistogram ? [row.entryHistogram] : []))
  total.entryHistogram =
    histograms.length === 0 ? null : histograms.length === 1 ? histograms[0]! : LatencyHistogram.mergeEncoded(histograms).encode()
  return total
}

// Merges rollup rows of fine buckets into one coarser bucket (minutes → hour, hours → day). Pure.
// Counts and sums add, maxima take the max, histograms merge exactly: an hour row answers any
// question its minutes would have answered (percentiles included), never an average of percentiles.
import { LatencyHistogram } from './histogram'
import { SERVICE_COUNTERS, type ServiceRollup } from './rollup'
import { addSpanCounts, type SpanCounts } from './span-counts'
import type { VersionRollup } from './version-rollup'
import { operationKey } from './operation-key'

export type StoredSpanRollup = SpanCounts & {
  operation: string
  spanKind: string
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

/** A version rollup as stored, with its bucket (minute or hour start, µs). */
export type StoredVersionRollup = Omit<VersionRollup, 'entryHistogram'> & { entryHistogram: Uint8Array | null }

/**
 * One row per version. A version's histogram stays null (the service's own) only when it was null in
 * every bucket and the version served every bucket that had entry spans; otherwise the null buckets'
 * histograms are read from the service rows of the same buckets (`serviceHistograms`) and merged.
 */
export function compactVersionRollups(
  rows: readonly StoredVersionRollup[],
  serviceHistograms: ReadonlyMap<number, Uint8Array | null>,
): Omit<StoredVersionRollup, 'bucketStartUs'>[] {
  const groups = new Map<string, StoredVersionRollup[]>()
  for (const row of rows) {
    const group = groups.get(row.version)
    if (group) group.push(row)
    else groups.set(row.version, [row])
  }
  const bucketsWithEntries = [...serviceHistograms].filter(([, histogram]) => histogram !== null).map(([bucket]) => bucket)
  return [...groups.values()].map((group) => {
    const { bucketStartUs: _bucket, ...total } = { ...group[0]! }
    for (const row of group.slice(1)) {
      total.spans += row.spans
      total.entrySpans += row.entrySpans
      total.entryErrors += row.entryErrors
      total.entryEstimatedSpans += row.entryEstimatedSpans
      total.entryEstimatedErrors += row.entryEstimatedErrors
      total.entryDurationSumUs += row.entryDurationSumUs
      total.entryDurationMaxUs = Math.max(total.entryDurationMaxUs, row.entryDurationMaxUs)
    }
    const ownBuckets = new Set(group.filter((row) => row.entryHistogram === null).map((row) => row.bucketStartUs))
    const servedAll = group.every((row) => row.entryHistogram === null) && bucketsWithEntries.every((bucket) => ownBuckets.has(bucket))
    if (servedAll) return { ...total, entryHistogram: null }
    const histograms = group.flatMap((row) => {
      const histogram = row.entryHistogram ?? serviceHistograms.get(row.bucketStartUs) ?? null
      return histogram ? [histogram] : []
    })
    return { ...total, entryHistogram: histograms.length === 0 ? null : LatencyHistogram.mergeEncoded(histograms).encode() }
  })
}

/** Per-operation version rows: one per (version, operation, span kind). */
export function compactVersionOperationRollups<T extends StoredSpanRollup & { version: string }>(rows: readonly T[]): T[] {
  const byVersion = new Map<string, T[]>()
  for (const row of rows) {
    const group = byVersion.get(row.version)
    if (group) group.push(row)
    else byVersion.set(row.version, [row])
  }
  return [...byVersion].flatMap(([version, group]) => compactSpanRollups(group).map((row) => ({ ...row, version }) as T))
}

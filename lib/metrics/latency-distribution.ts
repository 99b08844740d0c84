// A latency histogram as display bins: the sketch's ~2 %-wide log buckets merged into at most
// `maxBins` bins of equal log width, so bars of equal width read as a histogram on a log x-axis. Pure.
import { MAX_RELATIVE_ERROR } from './bucket-mapping'
import type { LatencyHistogram } from './histogram'

/** Bucket key k holds durations in (γ^(k−1), γ^k] (bucket-mapping.ts, bucketKey). */
const GAMMA = (1 + MAX_RELATIVE_ERROR) / (1 - MAX_RELATIVE_ERROR)
const upperEdgeUs = (key: number) => GAMMA ** key

/** Spans with durations in (lowerUs, upperUs]. */
export type LatencyBin = { lowerUs: number; upperUs: number; count: number }

export type LatencyDistribution = {
  /** Contiguous, ascending; empty bins between the fastest and slowest span are kept. */
  bins: LatencyBin[]
  /** Every span: the bins' counts plus zeroCount. */
  total: number
  /** Spans of duration ≤ 0 (clock skew): no place on a log axis, so in no bin. */
  zeroCount: number
}

export function computeLatencyDistribution(histogram: LatencyHistogram, { maxBins = 40 }: { maxBins?: number } = {}): LatencyDistribution {
  if (!(Number.isSafeInteger(maxBins) && maxBins >= 1)) throw new RangeError(`maxBins must be a positive integer, got ${maxBins}`)
  const buckets = histogram.buckets()
  const first = buckets[0]
  const last = buckets.at(-1)
  if (!first || !last) return { bins: [], total: histogram.count, zeroCount: histogram.zeroCount }
  // Whole buckets per bin, so each bucket (and every span in it) lands in exactly one bin. The last
  // bin is as wide as the others and may reach past the slowest bucket.
  const keyCount = last.key - first.key + 1
  const keysPerBin = Math.ceil(keyCount / maxBins)
  const bins: LatencyBin[] = Array.from({ length: Math.ceil(keyCount / keysPerBin) }, (_, index) => ({
    lowerUs: upperEdgeUs(first.key - 1 + index * keysPerBin),
    upperUs: upperEdgeUs(first.key - 1 + (index + 1) * keysPerBin),
    count: 0,
  }))
  for (const { key, count } of buckets) bins[Math.floor((key - first.key) / keysPerBin)]!.count += count
  return { bins, total: histogram.count, zeroCount: histogram.zeroCount }
}

/** Index of the bin holding `valueUs`; null off the bins' range (a marker that has no bar to sit on). */
export function findBinIndex(bins: readonly LatencyBin[], valueUs: number): number | null {
  const index = bins.findIndex((bin) => valueUs > bin.lowerUs && valueUs <= bin.upperUs)
  return index === -1 ? null : index
}

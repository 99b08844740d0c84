// A latency SLI's good events from a merged histogram: the spans at or under the threshold.
//
// How exact: a histogram bucket with key k holds the durations in (γ^(k−1), γ^k], γ = 1.0202
// (lib/metrics/histogram.ts, ≤ 1 % relative error). Counting every bucket up to the threshold's own
// bucket counts all spans ≤ T, and also the spans of that bucket above T: durations in (T, γ^k], which
// is within (T, 1.0202 T). So the histogram's SLI is never below the exact one, and above it by at most
// the share of spans between T and 1.0202 T — none, when the threshold sits on a bucket edge.
import { bucketKey } from '@/lib/metrics/bucket-mapping'
import { decodeHistogram, type LatencyHistogram } from '@/lib/metrics/histogram'

export function countAtOrBelow(histogram: LatencyHistogram, thresholdUs: number): number {
  if (thresholdUs <= 0) return histogram.zeroCount
  const limit = bucketKey(thresholdUs)
  let good = histogram.zeroCount
  for (const bucket of histogram.buckets()) {
    if (bucket.key > limit) break
    good += bucket.count
  }
  return good
}

export const encodedCountAtOrBelow = (bytes: Uint8Array, thresholdUs: number) => countAtOrBelow(decodeHistogram(bytes), thresholdUs)

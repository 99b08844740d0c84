// The Mann–Whitney U (Wilcoxon rank-sum) test between two latency histograms: is the canary's latency
// stochastically larger than the baseline's? It is the test Netflix's Kayenta judges canary metrics
// with. Each histogram bin is one group of tied values (spans within the bin's 1 % width tie; the zero
// bucket is the lowest bin), so U, its tie-corrected variance and the p-values come from one
// merge-walk over both bin lists: O(bins), whatever the span count.
import type { HistogramBucket, LatencyHistogram } from '@/lib/metrics/histogram'
import { normalTail } from './normal-tail'

export type MannWhitney = {
  /** U of the canary: the (canary, baseline) pairs where the canary span is slower, ties counting ½. */
  u: number
  /** Canary spans. */
  n1: number
  /** Baseline spans. */
  n2: number
  /**
   * U / (n1·n2) = P(canary > baseline) + ½·P(tie) for a random pair: the common-language effect size.
   * 0.5 when the versions match (or a side is empty), 1 when every canary span is slower.
   */
  probabilityCanarySlower: number
  /** (U − n1·n2/2) / σ, σ tie-corrected; positive when the canary is slower. 0, with p-values 1, when σ = 0. */
  z: number
  /** One-sided: the canary is stochastically larger (slower). */
  pValueSlower: number
  /** One-sided: the canary is stochastically smaller (faster). */
  pValueFaster: number
  pValueTwoSided: number
}

/** A bin of both histograms: the zero bucket is key −∞, below every key. */
const ZERO_KEY = -Infinity

const NO_EVIDENCE = { pValueSlower: 1, pValueFaster: 1, pValueTwoSided: 1 }

function binsOf(histogram: LatencyHistogram): HistogramBucket[] {
  const buckets = histogram.buckets()
  return histogram.zeroCount > 0 ? [{ key: ZERO_KEY, count: histogram.zeroCount }, ...buckets] : buckets
}

/**
 * The test by the normal approximation, without continuity correction: the judge wants ≥ 50 spans a
 * side, where the correction moves z by 0.5/σ ≤ 0.02. Tie correction (t = spans of both in one bin,
 * N = n1 + n2): σ² = n1·n2/12 · (N + 1 − Σ(t³ − t) / (N(N − 1))).
 */
export function computeMannWhitney(canary: LatencyHistogram, baseline: LatencyHistogram): MannWhitney {
  const n1 = canary.count
  const n2 = baseline.count
  const total = n1 + n2
  const canaryBins = binsOf(canary)
  const baselineBins = binsOf(baseline)
  let u = 0
  let baselineBelow = 0
  // Σ(t³ − t) / (N(N − 1)), summed as t/N · (t − 1)/(N − 1) · (t + 1): t³ would pass 2^53 at 200,000 spans.
  let tieTerm = 0
  for (let c = 0, b = 0; c < canaryBins.length || b < baselineBins.length;) {
    const canaryKey = canaryBins[c]?.key ?? Infinity
    const baselineKey = baselineBins[b]?.key ?? Infinity
    const key = Math.min(canaryKey, baselineKey)
    const canaryCount = canaryKey === key ? canaryBins[c++]!.count : 0
    const baselineCount = baselineKey === key ? baselineBins[b++]!.count : 0
    u += canaryCount * (baselineBelow + baselineCount / 2)
    baselineBelow += baselineCount
    const tied = canaryCount + baselineCount
    if (tied > 1) tieTerm += (tied / total) * ((tied - 1) / (total - 1)) * (tied + 1)
  }
  const pairs = n1 * n2
  const variance = (pairs / 12) * (total + 1 - tieTerm)
  // A side is empty, or every span sits in one bin: nothing to test, so nothing is significant.
  if (!(variance > 0)) return { u, n1, n2, probabilityCanarySlower: pairs > 0 ? u / pairs : 0.5, z: 0, ...NO_EVIDENCE }
  const z = (u - pairs / 2) / Math.sqrt(variance)
  const pValueSlower = normalTail(z)
  const pValueFaster = normalTail(-z)
  const pValueTwoSided = Math.min(1, 2 * Math.min(pValueSlower, pValueFaster))
  return { u, n1, n2, probabilityCanarySlower: u / pairs, z, pValueSlower, pValueFaster, pValueTwoSided }
}

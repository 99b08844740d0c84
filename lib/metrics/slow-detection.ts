// Whether an operation is slow now: one quantile of its recent buckets has stayed above the
// baseline's upper band for a sustained time. Pure.
//
// Rule: buckets under minCount spans are skipped (neither a breach nor a recovery). The streak is the
// run of consecutive judged buckets above the upper band that ends with the newest judged bucket; one
// judged bucket inside the band ends it (recovery). Slow when the streak holds ≥ minBuckets buckets
// and covers ≥ sustainedUs, from its first bucket's start to its last bucket's end:
//
//   recent   | in | in | up | · | up | up |        · skipped (too few spans)
//                      |<- 20 minutes --->|     5-minute buckets, sustainedUs 15 min: slow since the first "up"
//
// The band of each bucket is the baseline's at the bucket's start (its hour's, when seasonal).
import { bandAt, BASELINE_DEFAULTS, computeDeviation, QUANTILE_FIELD, type Baseline, type LatencyPoint, type Quantile } from './baseline'
import { MINUTE_US } from '@/lib/time/time-buckets'

export type SlowDetectionOptions = {
  quantile?: Quantile
  sustainedUs?: number
  minBuckets?: number
  minCount?: number
  /** Width of a recent bucket. Default: the smallest gap between consecutive bucket starts. */
  bucketUs?: number
}

export type SlowDetection = {
  slow: boolean
  /** Start of the streak's first bucket ("slow since 14:05"); null unless slow. */
  sinceUs: number | null
  /** Deviation (robust z) of the newest judged bucket; null when no bucket could be judged or the baseline is insufficient. */
  score: number | null
  /** Judged buckets in the current streak: > 0 and not slow means breaching, not yet sustained. */
  breachingBuckets: number
}

export const SLOW_DETECTION_DEFAULTS = {
  // p95: the tail users feel, with 5× the spans beyond it that a p99 has, so less noise per bucket.
  quantile: 'p95',
  // Three 5-minute buckets, the finest step of the latency pages.
  sustainedUs: 15 * MINUTE_US,
  // Even with coarse buckets: in-control normal data breaches +3σ with p = 0.00135 per bucket, so
  // three in a row by chance has p ≈ 2.5e-9; a lone outlier, or two, never flags.
  minBuckets: 3,
  minCount: BASELINE_DEFAULTS.minCount,
} as const satisfies Required<Omit<SlowDetectionOptions, 'bucketUs'>>

const NOT_SLOW: SlowDetection = { slow: false, sinceUs: null, score: null, breachingBuckets: 0 }

/** Smallest positive gap between consecutive bucket starts (sorted ascending); 0 with fewer than two distinct starts. */
function smallestStepUs(sortedStartsUs: readonly number[]): number {
  let stepUs = Infinity
  for (let i = 1; i < sortedStartsUs.length; i++) {
    const gapUs = sortedStartsUs[i]! - sortedStartsUs[i - 1]!
    if (gapUs > 0 && gapUs < stepUs) stepUs = gapUs
  }
  return Number.isFinite(stepUs) ? stepUs : 0
}

export function computeSlowDetection(
  recent: readonly LatencyPoint[],
  baseline: Baseline,
  options: SlowDetectionOptions = {},
): SlowDetection {
  const quantile = options.quantile ?? SLOW_DETECTION_DEFAULTS.quantile
  const sustainedUs = options.sustainedUs ?? SLOW_DETECTION_DEFAULTS.sustainedUs
  const minBuckets = options.minBuckets ?? SLOW_DETECTION_DEFAULTS.minBuckets
  const minCount = options.minCount ?? SLOW_DETECTION_DEFAULTS.minCount
  if (baseline.state !== 'ready') return NOT_SLOW
  const sorted = [...recent].sort((a, b) => a.bucketStartUs - b.bucketStartUs)
  const bucketUs = options.bucketUs ?? smallestStepUs(sorted.map((point) => point.bucketStartUs))
  const judged = sorted.filter((point) => point.count >= minCount && point[QUANTILE_FIELD[quantile]] !== null)
  const newest = judged.at(-1)
  if (!newest) return NOT_SLOW

  const valueOf = (point: LatencyPoint) => point[QUANTILE_FIELD[quantile]]!
  const score = computeDeviation(baseline, quantile, valueOf(newest), newest.bucketStartUs)
  let first = judged.length
  while (first > 0) {
    const point = judged[first - 1]!
    if (!(valueOf(point) > bandAt(baseline, quantile, point.bucketStartUs)!.upperUs)) break
    first--
  }
  const breachingBuckets = judged.length - first
  if (breachingBuckets === 0) return { ...NOT_SLOW, score }
  const sinceUs = judged[first]!.bucketStartUs
  const coveredUs = newest.bucketStartUs + bucketUs - sinceUs
  const slow = breachingBuckets >= minBuckets && coveredUs >= sustainedUs
  return { slow, sinceUs: slow ? sinceUs : null, score, breachingBuckets }
}

// DDSketch's logarithmic bucket mapping for span durations in microseconds (Masson, Rim, Lee,
// "DDSketch: A Fast and Fully-Mergeable Quantile Sketch with Relative-Error Guarantees", VLDB 2019):
// value → bucket key → representative value. Keys are bit-identical to `LogarithmicMapping(0.01)` in
// `@datadog/sketches-js` 2.1.1, so a histogram (histogram.ts) can be exported to a real DDSketch.

/** Promised bound on |quantile(q) − exact| / exact (DDSketch's relative accuracy α). */
export const MAX_RELATIVE_ERROR = 0.01

// γ = (1 + α) / (1 − α), written as 1 + 2α/(1 − α) and the multiplier 1/log₂γ computed in the same
// operation order as sketches-js (KeyMapping + LogarithmicMapping), so the floats match bit for bit.
const GAMMA_MANTISSA = (2 * MAX_RELATIVE_ERROR) / (1 - MAX_RELATIVE_ERROR)
const GAMMA = 1 + GAMMA_MANTISSA
const MULTIPLIER = (1 / Math.log1p(GAMMA_MANTISSA)) * Math.LN2
/** Values at or below this go to the zero bucket (sketches-js `minPossible`: 2^−1023·γ). */
export const MIN_INDEXABLE_US = 2 ** -1023 * GAMMA
/** Larger values are rejected: their representative value would overflow (sketches-js `maxPossible`). */
export const MAX_INDEXABLE_US = Number.MAX_VALUE / GAMMA

/**
 * Bucket key of a value > MIN_INDEXABLE_US: ceil(log_γ v). 1 µs → 0, 1 ms → 346, 10 s → 806.
 * `| 0` makes the −0 of values in (1/γ, 1) a 0, as sketches-js's `+ offset` does; keys fit in int32.
 */
export function bucketKey(valueUs: number): number {
  return Math.ceil(Math.log2(valueUs) * MULTIPLIER) | 0
}

/**
 * Representative value of a key: 2γ^key/(1 + γ), the point of (γ^(key−1), γ^key] within relative
 * error α = (γ − 1)/(γ + 1) of both ends.
 */
export function bucketValueUs(key: number): number {
  return Math.pow(2, key / MULTIPLIER) * (2 / (1 + GAMMA))
}

// Bounds on any key `add` can produce (about ±35,500); decoding rejects keys outside them.
export const MIN_KEY = bucketKey(MIN_INDEXABLE_US)
export const MAX_KEY = bucketKey(MAX_INDEXABLE_US)

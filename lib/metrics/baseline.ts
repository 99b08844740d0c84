// The baseline of one (service, operation): where its p50/p95/p99 normally sit and how far they
// normally stray, from the latency points of a trailing window. Pure; results are plain JSON.
//
//   center = count-weighted median of the buckets' quantile values
//   spread = 1.4826 · count-weighted median absolute deviation (MAD) from the center, floored
//   band   = center ± k·spread, the lower edge clamped at 0
//
// 1.4826 = 1/Φ⁻¹(3/4) makes the MAD a consistent estimator of σ for normal data (Rousseeuw & Croux,
// "Alternatives to the Median Absolute Deviation", JASA 88(424), 1993). Median and MAD both have a
// 50 % breakdown point: a few slow hours inside the window barely move the baseline.
//
// Weights: a bucket's quantile estimate has variance ∝ 1/count (asymptotic variance of a sample
// quantile, q(1 − q)/(n·f(ξ)²); David & Nagaraja, "Order Statistics", §10.2), so buckets weigh by
// their span count, capped (WEIGHT_CAP_MEDIANS) so that one burst hour cannot carry a median alone.
// Buckets under `minCount` spans are left out: their p95 is little more than their slowest span.
//
// Seasonality: per UTC hour of day, a band of its own once that hour has usable buckets on
// ≥ minSeasonalDays distinct days; other hours use the window's plain band.
//
// Judge buckets of the baseline's step where possible: a bucket's quantile is noisier the fewer spans
// it holds, and the band carries only the noise of the baseline's buckets. Finer buckets judged
// against an hourly baseline breach more often; the relative spread floor and the sustained rule of
// computeSlowDetection absorb part of that.
import { DAY_US, HOUR_US } from '@/lib/time/time-buckets'
import { bandOf, type Band, type Baseline, type QuantileBands } from './schemas'

export type LatencyPoint = { bucketStartUs: number; count: number; p50Us: number | null; p95Us: number | null; p99Us: number | null }
export type Quantile = 'p50' | 'p95' | 'p99'
export const QUANTILES: readonly Quantile[] = ['p50', 'p95', 'p99']
export const QUANTILE_FIELD = { p50: 'p50Us', p95: 'p95Us', p99: 'p99Us' } as const satisfies Record<Quantile, keyof LatencyPoint>

export type { Band, Baseline, InsufficientBaseline, QuantileBands, ReadyBaseline } from './schemas'

export type BaselineOptions = {
  /** Exclusive end of the window. Default: just after the latest point. Pass the start of the range being judged to keep it out. */
  windowEndUs?: number
  windowUs?: number
  k?: number
  minCount?: number
  minHours?: number
  minSeasonalDays?: number
  /** false: always plain. */
  allowSeasonal?: boolean
  minSpreadUs?: number
  minRelativeSpread?: number
}

export const BASELINE_DEFAULTS = {
  windowUs: 7 * DAY_US, // DESIGN.md, "baseline": a trailing 7 days
  // ±3σ holds 99.73 % of normal data; 3 is the "very conservative" MAD cut-off of Leys et al.,
  // "Detecting outliers: Do not use standard deviation around the mean", JESP 49(4), 2013.
  k: 3,
  // 5 % of 20 spans is one span: in a smaller bucket the p95 (rank floor(0.95·(n − 1))) is just its
  // second-largest span, and its p99 is its largest up to 100 spans.
  minCount: 20,
  // A day's worth: every hour of the day can be in it. 24 hourly points, or any finer points over 24 distinct hours.
  minHours: 24,
  // The smallest sample whose median resists one bad day (breakdown 1 of 3); a median of 2 resists none.
  minSeasonalDays: 3,
  // Flat traffic has MAD ≈ 0: floor the spread at 5 × the histogram's 1 % relative error (MAX_RELATIVE_ERROR),
  // so quantization alone never breaches; with k = 3 a band is at least ±15 % of its center.
  minRelativeSpread: 0.05,
  // Absolute floor for µs-scale operations, where 5 % is below timer and scheduler jitter.
  minSpreadUs: 100,
} as const

/** No bucket weighs more than this many times the median usable bucket count. */
const WEIGHT_CAP_MEDIANS = 4
/** 1/Φ⁻¹(3/4): scaled MAD estimates σ for normal data (Rousseeuw & Croux 1993). */
const MAD_TO_SIGMA = 1.4826
const HOURS_PER_DAY = 24

type Weighted = { value: number; weight: number }

/**
 * The lower weighted median: the smallest value whose cumulative weight, ascending, reaches half the
 * total. With integer weights it equals the lower median of each value repeated `weight` times. NaN when empty.
 */
export function weightedMedian(samples: readonly Weighted[]): number {
  const values = column(samples.length, (i) => samples[i]!.value)
  const weights = column(samples.length, (i) => samples[i]!.weight)
  return selectWeightedMedian(values, weights, samples.length)
}

/**
 * weightedMedian of the first n (value, weight) pairs, found by selection rather than a sort (the
 * baseline takes hundreds of these each time an hour enters its window). Reorders both arrays in place.
 *
 *   values  | < pivot | = pivot | > pivot |    below + W(<) ≥ half: the answer is left of the pivot;
 *           lo        lt        gt        hi   below + W(<) + W(=) ≥ half: it is the pivot; else right.
 *
 * Integer weights sum exactly in any order, so it agrees with the ascending walk's comparisons.
 */
function selectWeightedMedian(values: Float64Array, weights: Float64Array, n: number): number {
  if (n === 0) return NaN
  let total = 0
  for (let i = 0; i < n; i++) total += weights[i]!
  const half = total / 2
  let lo = 0
  let hi = n
  let below = 0
  for (;;) {
    const pivot = medianOfThree(values[lo]!, values[(lo + hi) >>> 1]!, values[hi - 1]!)
    // Dutch-flag partition of [lo, hi): [lo, lt) < pivot, [lt, i) = pivot, [gt, hi) > pivot.
    let lt = lo
    let i = lo
    let gt = hi
    let lessWeight = 0
    let equalWeight = 0
    while (i < gt) {
      const value = values[i]!
      if (value < pivot) {
        lessWeight += weights[i]!
        swap(values, weights, lt++, i++)
      } else if (value > pivot) swap(values, weights, i, --gt)
      else equalWeight += weights[i++]!
    }
    // The ascending walk returns the first value at which the running total reaches half (with a zero
    // total, the smallest value: there the running total is already 0 ≥ 0).
    if (lt > lo && below + lessWeight >= half) hi = lt
    else if (below + lessWeight + equalWeight >= half) return pivot
    else {
      below += lessWeight + equalWeight
      lo = gt
    }
  }
}

/** A column of n doubles (a loop: TypedArray.from with a mapping function is V8's slow path). */
function column(n: number, valueAt: (i: number) => number): Float64Array {
  const values = new Float64Array(n)
  for (let i = 0; i < n; i++) values[i] = valueAt(i)
  return values
}

function medianOfThree(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a
  return a < c ? a : b < c ? c : b
}

function swap(values: Float64Array, weights: Float64Array, i: number, j: number): void {
  const value = values[i]!
  values[i] = values[j]!
  values[j] = value
  const weight = weights[i]!
  weights[i] = weights[j]!
  weights[j] = weight
}

/** Scaled MAD around `centerUs` of the first n pairs: σ for normal data. Overwrites `scratch`. */
function scaledMadOf(
  values: Float64Array,
  weights: Float64Array,
  n: number,
  centerUs: number,
  scratch: { values: Float64Array; weights: Float64Array },
): number {
  for (let i = 0; i < n; i++) {
    scratch.values[i] = Math.abs(values[i]! - centerUs)
    scratch.weights[i] = weights[i]!
  }
  return MAD_TO_SIGMA * selectWeightedMedian(scratch.values, scratch.weights, n)
}

export const hourOfDay = (us: number) => ((Math.floor(us / HOUR_US) % HOURS_PER_DAY) + HOURS_PER_DAY) % HOURS_PER_DAY

const isDurationUs = (value: number | null): value is number => value !== null && Number.isFinite(value) && value >= 0

function checkedOption(name: string, value: number, allowZero = false): number {
  if (!(allowZero ? value >= 0 : value > 0) || !Number.isFinite(value))
    throw new RangeError(`Baseline option ${name} must be a finite number ${allowZero ? '≥' : '>'} 0, got ${value}`)
  return value
}

export function computeBaseline(points: readonly LatencyPoint[], options: BaselineOptions = {}): Baseline {
  const windowUs = checkedOption('windowUs', options.windowUs ?? BASELINE_DEFAULTS.windowUs)
  const k = checkedOption('k', options.k ?? BASELINE_DEFAULTS.k)
  const minCount = checkedOption('minCount', options.minCount ?? BASELINE_DEFAULTS.minCount)
  const minHours = checkedOption('minHours', options.minHours ?? BASELINE_DEFAULTS.minHours)
  const minSeasonalDays = checkedOption('minSeasonalDays', options.minSeasonalDays ?? BASELINE_DEFAULTS.minSeasonalDays)
  const floors = {
    minSpreadUs: checkedOption('minSpreadUs', options.minSpreadUs ?? BASELINE_DEFAULTS.minSpreadUs),
    minRelativeSpread: checkedOption('minRelativeSpread', options.minRelativeSpread ?? BASELINE_DEFAULTS.minRelativeSpread, true),
  }

  let latestUs = -Infinity
  for (const point of points) latestUs = Math.max(latestUs, point.bucketStartUs)
  const windowEndUs = options.windowEndUs ?? latestUs + 1
  const windowStartUs = windowEndUs - windowUs
  const usable = points.filter(
    (point) =>
      point.bucketStartUs >= windowStartUs &&
      point.bucketStartUs < windowEndUs &&
      point.count >= minCount &&
      QUANTILES.every((quantile) => isDurationUs(point[QUANTILE_FIELD[quantile]])),
  )
  const hours = new Set(usable.map((point) => Math.floor(point.bucketStartUs / HOUR_US))).size
  if (hours < minHours) {
    const days = Math.round((windowUs / DAY_US) * 10) / 10
    return {
      state: 'insufficient',
      have: hours,
      need: minHours,
      reason: `${hours} of the ${minHours} clock hours needed have a bucket of ≥ ${minCount} spans in the last ${days} d`,
    }
  }

  // Parallel columns rather than objects: an hour entering the window re-takes some 150 medians.
  const n = usable.length
  const scratch = { values: new Float64Array(n), weights: new Float64Array(n) }
  /** The weighted median of pairs [from, to) of the columns, leaving them as they are. */
  const medianOf = (values: Float64Array, weights: Float64Array, from: number, to: number) => {
    scratch.values.set(values.subarray(from, to))
    scratch.weights.set(weights.subarray(from, to))
    return selectWeightedMedian(scratch.values, scratch.weights, to - from)
  }
  const madOf = (values: Float64Array, weights: Float64Array, from: number, to: number, centerUs: number) =>
    scaledMadOf(values.subarray(from, to), weights.subarray(from, to), to - from, centerUs, scratch)

  const counts = column(n, (i) => usable[i]!.count)
  const weightCap = WEIGHT_CAP_MEDIANS * medianOf(counts, new Float64Array(n).fill(1), 0, n)
  const weights = column(n, (i) => Math.min(counts[i]!, weightCap))
  const valuesOf = (quantile: Quantile) => column(n, (i) => usable[i]![QUANTILE_FIELD[quantile]]!)
  const band = (centerUs: number, ...spreadsUs: number[]): Band => {
    return bandOf(centerUs, Math.max(...spreadsUs, floors.minRelativeSpread * centerUs, floors.minSpreadUs), k)
  }
  const plainBand = (quantile: Quantile) => {
    const values = valuesOf(quantile)
    const centerUs = medianOf(values, weights, 0, n)
    return band(centerUs, madOf(values, weights, 0, n, centerUs))
  }
  const bands: QuantileBands = { p50: plainBand('p50'), p95: plainBand('p95'), p99: plainBand('p99') }
  const ready = { state: 'ready' as const, windowStartUs, windowEndUs, points: usable.length, k, bands }
  if (options.allowSeasonal === false) return { ...ready, kind: 'plain' }

  // The usable points grouped by UTC hour of day (a counting sort): hour h holds [groupStart[h], groupStart[h + 1]).
  const hourOf = usable.map((point) => hourOfDay(point.bucketStartUs))
  const groupStart = new Int32Array(HOURS_PER_DAY + 1)
  for (const hour of hourOf) groupStart[hour + 1]!++
  for (let hour = 0; hour < HOURS_PER_DAY; hour++) groupStart[hour + 1]! += groupStart[hour]!
  const order = new Int32Array(n)
  const next = groupStart.slice(0, HOURS_PER_DAY)
  hourOf.forEach((hour, index) => (order[next[hour]!++] = index))
  const days = Array.from({ length: HOURS_PER_DAY }, () => new Set<number>())
  hourOf.forEach((hour, index) => days[hour]!.add(Math.floor(usable[index]!.bucketStartUs / DAY_US)))
  const seasonalHours = days.map((set) => set.size >= minSeasonalDays)
  if (!seasonalHours.includes(true)) return { ...ready, kind: 'plain' }
  const groupedWeights = column(n, (i) => weights[order[i]!]!)

  const seasonalBands = (quantile: Quantile): (Band | null)[] => {
    const all = valuesOf(quantile)
    const values = column(n, (i) => all[order[i]!]!)
    const centersUs = seasonalHours.map((seasonal, hour) =>
      seasonal ? medianOf(values, groupedWeights, groupStart[hour]!, groupStart[hour + 1]!) : NaN,
    )
    // An hour's own MAD comes from as few as 3 values (then it is the smaller gap, possibly ~0), so its
    // spread is at least the relative residual spread pooled over every seasonal hour.
    const residuals = new Float64Array(n)
    const residualWeights = new Float64Array(n)
    let residualCount = 0
    seasonalHours.forEach((seasonal, hour) => {
      const centerUs = centersUs[hour]!
      if (!seasonal || !(centerUs > 0)) return
      for (let i = groupStart[hour]!; i < groupStart[hour + 1]!; i++) {
        residuals[residualCount] = Math.abs(values[i]! - centerUs) / centerUs
        residualWeights[residualCount++] = groupedWeights[i]!
      }
    })
    const pooledRelativeSpread = residualCount > 0 ? MAD_TO_SIGMA * selectWeightedMedian(residuals, residualWeights, residualCount) : 0
    return seasonalHours.map((seasonal, hour) => {
      if (!seasonal) return null
      const centerUs = centersUs[hour]!
      return band(
        centerUs,
        madOf(values, groupedWeights, groupStart[hour]!, groupStart[hour + 1]!, centerUs),
        pooledRelativeSpread * centerUs,
      )
    })
  }
  const [p50, p95, p99] = [seasonalBands('p50'), seasonalBands('p95'), seasonalBands('p99')]
  const hourlyBands = seasonalHours.map((seasonal, hour) => (seasonal ? { p50: p50[hour]!, p95: p95[hour]!, p99: p99[hour]! } : null))
  return { ...ready, kind: 'seasonal', hourlyBands }
}

/** The band in force at `atUs`: its UTC hour's for a seasonal baseline (the plain band for hours without one); null when insufficient. */
export function bandAt(baseline: Baseline, quantile: Quantile, atUs: number): Band | null {
  if (baseline.state !== 'ready') return null
  if (baseline.kind === 'seasonal') {
    const hourly = baseline.hourlyBands[hourOfDay(atUs)]
    if (hourly) return hourly[quantile]
  }
  return baseline.bands[quantile]
}

/** Robust z: (value − center) / spread of the band at `atUs`, signed (negative is faster); null when insufficient. Spread is floored, never 0. */
export function computeDeviation(baseline: Baseline, quantile: Quantile, valueUs: number, atUs: number): number | null {
  const band = bandAt(baseline, quantile, atUs)
  return band ? (valueUs - band.centerUs) / band.spreadUs : null
}

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
import type { Band, Baseline, QuantileBands } from './schemas'

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
  const sorted = [...samples].sort((a, b) => a.value - b.value)
  let total = 0
  for (const sample of sorted) total += sample.weight
  let cumulative = 0
  for (const sample of sorted) {
    cumulative += sample.weight
    if (cumulative >= total / 2) return sample.value
  }
  return NaN
}

/** Scaled MAD around `centerUs`: σ for normal data. */
const scaledMad = (samples: readonly Weighted[], centerUs: number) =>
  MAD_TO_SIGMA * weightedMedian(samples.map(({ value, weight }) => ({ value: Math.abs(value - centerUs), weight })))

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

  const weightCap = WEIGHT_CAP_MEDIANS * weightedMedian(usable.map((point) => ({ value: point.count, weight: 1 })))
  const samplesOf = (group: readonly LatencyPoint[], quantile: Quantile): Weighted[] =>
    group.map((point) => ({ value: point[QUANTILE_FIELD[quantile]]!, weight: Math.min(point.count, weightCap) }))
  const band = (centerUs: number, ...spreadsUs: number[]): Band => {
    const spreadUs = Math.max(...spreadsUs, floors.minRelativeSpread * centerUs, floors.minSpreadUs)
    return { centerUs, spreadUs, lowerUs: Math.max(0, centerUs - k * spreadUs), upperUs: centerUs + k * spreadUs }
  }
  const plainBand = (quantile: Quantile) => {
    const samples = samplesOf(usable, quantile)
    const centerUs = weightedMedian(samples)
    return band(centerUs, scaledMad(samples, centerUs))
  }
  const bands: QuantileBands = { p50: plainBand('p50'), p95: plainBand('p95'), p99: plainBand('p99') }
  const ready = { state: 'ready' as const, windowStartUs, windowEndUs, points: usable.length, k, bands }
  if (options.allowSeasonal === false) return { ...ready, kind: 'plain' }

  const byHour = Array.from({ length: HOURS_PER_DAY }, () => [] as LatencyPoint[])
  for (const point of usable) byHour[hourOfDay(point.bucketStartUs)]!.push(point)
  const seasonalHours = byHour.map(
    (group) => new Set(group.map((point) => Math.floor(point.bucketStartUs / DAY_US))).size >= minSeasonalDays,
  )
  if (!seasonalHours.includes(true)) return { ...ready, kind: 'plain' }

  const seasonalBands = (quantile: Quantile): (Band | null)[] => {
    const centersUs = byHour.map((group, hour) => (seasonalHours[hour] ? weightedMedian(samplesOf(group, quantile)) : NaN))
    // An hour's own MAD comes from as few as 3 values (then it is the smaller gap, possibly ~0), so its
    // spread is at least the relative residual spread pooled over every seasonal hour.
    const residuals: Weighted[] = []
    byHour.forEach((group, hour) => {
      const centerUs = centersUs[hour]!
      if (seasonalHours[hour] && centerUs > 0)
        for (const sample of samplesOf(group, quantile))
          residuals.push({ value: Math.abs(sample.value - centerUs) / centerUs, weight: sample.weight })
    })
    const pooledRelativeSpread = residuals.length > 0 ? MAD_TO_SIGMA * weightedMedian(residuals) : 0
    return byHour.map((group, hour) => {
      const centerUs = centersUs[hour]!
      return seasonalHours[hour] ? band(centerUs, scaledMad(samplesOf(group, quantile), centerUs), pooledRelativeSpread * centerUs) : null
    })
  }
  const [p50, p95, p99] = [seasonalBands('p50'), seasonalBands('p95'), seasonalBands('p99')]
  const hourlyBands = byHour.map((_group, hour) => (seasonalHours[hour] ? { p50: p50[hour]!, p95: p95[hour]!, p99: p99[hour]! } : null))
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

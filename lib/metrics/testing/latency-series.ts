// Deterministic synthetic latency series for the baseline and slow-detection tests.
import { uniformSource } from './seeded-random'
import { hourOfDay, type LatencyPoint } from '../baseline'

/** Midnight UTC, µs. */
export const D0 = Date.UTC(2026, 10, 1) * 1000

export type SeriesSpec = {
  startUs: number
  stepUs: number
  buckets: number
  seed: number
  /** The p95 level at a time; p50 is a quarter of it and p99 twice it. */
  p95Us: (atUs: number) => number
  count?: number
  /** σ of the multiplicative gaussian noise on each quantile (0.02 = 2 %). */
  noise?: number
}

export function latencySeries({ startUs, stepUs, buckets, seed, p95Us, count = 500, noise = 0.02 }: SeriesSpec): LatencyPoint[] {
  const uniform = uniformSource(seed)
  // Box–Muller; 1 − u keeps the logarithm's argument in (0, 1].
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform())
  const jittered = (us: number) => Math.round(us * (1 + noise * gaussian()))
  return Array.from({ length: buckets }, (_, i) => {
    const bucketStartUs = startUs + i * stepUs
    const levelUs = p95Us(bucketStartUs)
    return { bucketStartUs, count, p50Us: jittered(levelUs / 4), p95Us: jittered(levelUs), p99Us: jittered(2 * levelUs) }
  })
}

export const flatUs = (levelUs: number) => () => levelUs

/** `peakUs` during UTC hours [fromHour, toHour), `baseUs` otherwise. */
export const dailyPeakUs = (baseUs: number, peakUs: number, fromHour: number, toHour: number) => (atUs: number) => {
  const hour = hourOfDay(atUs)
  return hour >= fromHour && hour < toHour ? peakUs : baseUs
}

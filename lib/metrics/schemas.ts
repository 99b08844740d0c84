// The shapes of lib/metrics that cross a boundary: a baseline is stored as JSON (latency_health) and
// read back through this schema, so an old or damaged row is recognised instead of trusted.
import { z } from 'zod'

const us = z.number().finite()

export const bandSchema = z.object({ centerUs: us, spreadUs: us, lowerUs: us, upperUs: us })
export type Band = z.infer<typeof bandSchema>

export const quantileBandsSchema = z.object({ p50: bandSchema, p95: bandSchema, p99: bandSchema })
export type QuantileBands = z.infer<typeof quantileBandsSchema>

const readyFields = {
  state: z.literal('ready'),
  /** Points with bucketStartUs in [windowStartUs, windowEndUs) were considered. */
  windowStartUs: us,
  windowEndUs: us,
  /** Usable points (≥ minCount spans, every quantile present) the bands come from. */
  points: z.number().int().nonnegative(),
  /** Band half-width in spreads. */
  k: z.number().positive(),
  /** The whole window's bands; a seasonal baseline's fallback for hours without their own. */
  bands: quantileBandsSchema,
}

export const readyBaselineSchema = z.discriminatedUnion('kind', [
  z.object({ ...readyFields, kind: z.literal('plain') }),
  z.object({
    ...readyFields,
    kind: z.literal('seasonal'),
    /** Index: UTC hour of day (length 24). null where that hour has usable buckets on fewer than minSeasonalDays days. */
    hourlyBands: z.array(quantileBandsSchema.nullable()).length(24),
  }),
])
export type ReadyBaseline = z.infer<typeof readyBaselineSchema>

/** Not enough data yet: a state, never a zero band. `have` and `need` count clock hours with usable buckets. */
export const insufficientBaselineSchema = z.object({
  state: z.literal('insufficient'),
  have: z.number().int(),
  need: z.number().int(),
  reason: z.string(),
})
export type InsufficientBaseline = z.infer<typeof insufficientBaselineSchema>

export const baselineSchema = z.union([readyBaselineSchema, insufficientBaselineSchema])
export type Baseline = z.infer<typeof baselineSchema>

/** A band around its center: `k` spreads either way, the lower edge clamped at 0. */
export function bandOf(centerUs: number, spreadUs: number, k: number): Band {
  return { centerUs, spreadUs, lowerUs: Math.max(0, centerUs - k * spreadUs), upperUs: centerUs + k * spreadUs }
}

/**
 * A baseline as latency_health stores it. Bump BASELINE_VERSION when the shape or its meaning
 * changes: rows of another version are judged again instead of being read.
 *
 * Version 2 stores each quantile band as [center, spread] (its edges follow from k), in arrays
 * rather than keyed objects: a seasonal baseline is ~2.7 KB instead of ~9 KB, and writing a fleet's
 * verdicts when an hour enters every window costs a quarter of what it did (npm run bench -- stages).
 *
 *   bands        [p50 center, p50 spread, p95 center, p95 spread, p99 center, p99 spread]
 *   hourlyBands  24 × (those six numbers | null)
 */
export const BASELINE_VERSION = 2

const storedBandsSchema = z.tuple([us, us, us, us, us, us])
const storedReadyFields = { ...readyFields, bands: storedBandsSchema }
const storedBaselineBodySchema = z.union([
  z.discriminatedUnion('kind', [
    z.object({ ...storedReadyFields, kind: z.literal('plain') }),
    z.object({ ...storedReadyFields, kind: z.literal('seasonal'), hourlyBands: z.array(storedBandsSchema.nullable()).length(24) }),
  ]),
  insufficientBaselineSchema,
])
type StoredBands = z.infer<typeof storedBandsSchema>

const toStoredBands = ({ p50, p95, p99 }: QuantileBands): StoredBands => [
  p50.centerUs,
  p50.spreadUs,
  p95.centerUs,
  p95.spreadUs,
  p99.centerUs,
  p99.spreadUs,
]
const fromStoredBands = ([c50, s50, c95, s95, c99, s99]: StoredBands, k: number): QuantileBands => ({
  p50: bandOf(c50, s50, k),
  p95: bandOf(c95, s95, k),
  p99: bandOf(c99, s99, k),
})

/** The JSON latency_health stores for a baseline. */
export function toStoredBaseline(baseline: Baseline): {
  version: typeof BASELINE_VERSION
  baseline: z.input<typeof storedBaselineBodySchema>
} {
  if (baseline.state !== 'ready') return { version: BASELINE_VERSION, baseline }
  const bands = toStoredBands(baseline.bands)
  return {
    version: BASELINE_VERSION,
    baseline:
      baseline.kind === 'plain'
        ? { ...baseline, bands }
        : { ...baseline, bands, hourlyBands: baseline.hourlyBands.map((hour) => (hour ? toStoredBands(hour) : null)) },
  }
}

/** Reads a stored baseline back (its band edges recomputed exactly as computeBaseline computed them). */
export const storedBaselineSchema = z
  .object({ version: z.literal(BASELINE_VERSION), baseline: storedBaselineBodySchema })
  .transform(({ version, baseline }): { version: typeof BASELINE_VERSION; baseline: Baseline } => {
    if (baseline.state !== 'ready') return { version, baseline }
    const bands = fromStoredBands(baseline.bands, baseline.k)
    return {
      version,
      baseline:
        baseline.kind === 'plain'
          ? { ...baseline, bands }
          : { ...baseline, bands, hourlyBands: baseline.hourlyBands.map((hour) => (hour ? fromStoredBands(hour, baseline.k) : null)) },
    }
  })
export type StoredBaseline = z.output<typeof storedBaselineSchema>

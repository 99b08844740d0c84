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

/**
 * A baseline as latency_health stores it. Bump BASELINE_VERSION when the shape or its meaning
 * changes: rows of another version are judged again instead of being read.
 */
export const BASELINE_VERSION = 1
export const storedBaselineSchema = z.object({ version: z.literal(BASELINE_VERSION), baseline: baselineSchema })
export type StoredBaseline = z.infer<typeof storedBaselineSchema>

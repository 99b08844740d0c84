// The faults the demo Jaeger can be told to inject (tests only; off unless started with faults).
// One schema for FaultSwitch.set and the body of PUT /__demo/faults.
import { z } from 'zod'
import type { ServiceSkew } from '../simulator/clock-skew'

export const serviceSkewSchema = z.strictObject({
  service: z.string().min(1),
  /** Added to the service's reported span starts and event times, µs; negative reports earlier. */
  offsetUs: z.int(),
}) satisfies z.ZodType<ServiceSkew>

export const faultSettingsSchema = z.strictObject({
  /** Path prefixes the faults apply to (`/api/v3/traces` also matches `/api/v3/traces/{id}`); absent: all. */
  paths: z.array(z.string().startsWith('/')).min(1).optional(),
  /** 'reset': matching requests get their connection reset (ECONNRESET); 'refuse': nothing listens (ECONNREFUSED), whatever the path. */
  down: z.enum(['reset', 'refuse']).optional(),
  /** `down` lifts itself after this long, ms. */
  downForMs: z.int().positive().optional(),
  /** Every matching response waits this long first, ms. */
  slowMs: z.int().nonnegative().optional(),
  /** Share of matching requests answered with Jaeger's error body: exactly ⌊n·errorRate⌋ of the first n, spread evenly (1/k: every k-th). */
  errorRate: z.number().min(0).max(1).optional(),
  errorStatus: z.int().min(400).max(599).optional(),
  /** The body is cut to its first half, with a Content-Length to match. */
  truncate: z.boolean().optional(),
  /** 'shape': valid JSON of the wrong shape (the body inside an array); 'bytes': a few bytes flipped, the first always. */
  corrupt: z.enum(['shape', 'bytes']).optional(),
  /** errorRate, truncate and corrupt hit only the first `times` matching requests after a set. */
  times: z.int().positive().optional(),
  /**
   * Searches (api/v3 traces and trace-summaries, classic /api/traces) return at most this many
   * traces, whatever depth is asked for, and say nothing about it: a client detects the cut only by
   * getting exactly as many traces as the cap, fewer than the depth it asked for.
   */
  capSearchesAt: z.int().positive().optional(),
  /** Clock offsets on top of the fleet's own; paths and times do not apply: exactCounts sees them too. */
  skew: z.array(serviceSkewSchema).optional(),
})
export type FaultSettings = z.infer<typeof faultSettingsSchema>

/** Over HTTP the control endpoint is unreachable while nothing listens, so 'refuse' must end by itself. */
export const faultControlBody = faultSettingsSchema.refine((settings) => settings.down !== 'refuse' || settings.downForMs !== undefined, {
  path: ['downForMs'],
  message: "down 'refuse' needs downForMs: the control endpoint cannot be reached until it lifts",
})

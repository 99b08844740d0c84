// Shapes of the trace drill-down: the slow-trace list's query and answer, a trace id in a URL.
import { z } from 'zod'
import { timeRangeParams } from '@/lib/time-range/time-range'
import type { SlowTrace } from './slow-traces'

/** 1–32 hex digits (Jaeger left-pads shorter ids). */
export const traceIdParam = z
  .string()
  .regex(/^[0-9a-fA-F]{1,32}$/, 'a trace id is 1 to 32 hex digits')
  .transform((id) => id.toLowerCase().padStart(32, '0'))
export const spanIdParam = z
  .string()
  .regex(/^[0-9a-fA-F]{1,16}$/, 'a span id is 1 to 16 hex digits')
  .transform((id) => id.toLowerCase().padStart(16, '0'))

export const slowTracesQuery = timeRangeParams.and(
  z.object({
    /** Only spans at least this slow (µs); the page passes the range's p95. */
    minDurationUs: z.coerce.number({ error: 'a number of µs' }).int('whole µs').min(0).max(3_600_000_000).default(0),
    limit: z.coerce.number({ error: 'a number' }).int().min(1).max(50).default(10),
  }),
)
export type SlowTracesQuery = z.infer<typeof slowTracesQuery>

export const slowTraceSchema = z.object({
  traceId: z.string(),
  spanId: z.string(),
  operation: z.string(),
  startUs: z.number(),
  durationUs: z.number(),
  error: z.boolean(),
  traceDurationUs: z.number(),
  rootService: z.string().nullable(),
  rootOperation: z.string().nullable(),
  spanCount: z.number(),
  serviceCount: z.number(),
}) satisfies z.ZodType<SlowTrace>

export const slowTracesViewSchema = z.object({
  traces: z.array(slowTraceSchema),
  /** Traces Jaeger returned to choose from (newest first, at most the search depth). */
  searched: z.number(),
  rejected: z.number(),
  minDurationUs: z.number(),
  startUs: z.number(),
  endUs: z.number(),
})
export type SlowTracesView = z.infer<typeof slowTracesViewSchema>

export const brokenTracesQuery = z.object({
  /** Hours back from now to search (Jaeger's search has no paging: the newest `searched` traces). */
  hours: z.coerce.number({ error: 'a number of hours' }).int().min(1).max(168).default(6),
  limit: z.coerce.number({ error: 'a number' }).int().min(1).max(20).default(5),
})

export const brokenTracesViewSchema = z.object({
  traces: z.array(
    z.object({
      traceId: z.string(),
      startUs: z.number(),
      rootService: z.string().nullable(),
      rootOperation: z.string().nullable(),
      spanCount: z.number(),
      services: z.array(z.string()),
      problems: z.array(z.string()),
      skewedSpans: z.number(),
    }),
  ),
  searched: z.number(),
  hours: z.number(),
})
export type BrokenTracesView = z.infer<typeof brokenTracesViewSchema>

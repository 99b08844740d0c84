// Overhead measurements (DESIGN.md: latency with tracing on vs off, from a load test or a canary) as
// they are posted or entered, and the k6 end-of-test summaries a load test leaves behind.
import { z } from 'zod'
import { serviceNameSchema } from '@/lib/inventory/schemas'
import { multiLineText, singleLineText } from '@/lib/text/plain-text'

export const OVERHEAD_METHODS = ['load_test', 'canary', 'benchmark', 'other'] as const
export const overheadMethodSchema = z.enum(OVERHEAD_METHODS)
export type OverheadMethod = z.infer<typeof overheadMethodSchema>

/** A latency in ms: finite, not negative, under an hour (beyond that it is a unit mistake). */
const latencyMs = z.number().min(0).max(3_600_000)
const sampleCount = z.number().int().min(1)

/** The fields of one measurement, before the cross-field checks (for .pick/.omit variants). */
export const overheadMeasurementFields = z.object({
  service: serviceNameSchema,
  p50OnMs: latencyMs,
  p50OffMs: latencyMs,
  p95OnMs: latencyMs,
  p95OffMs: latencyMs,
  /** Mean latencies, when the tool reports them (k6 does): both or neither. */
  meanOnMs: latencyMs.optional(),
  meanOffMs: latencyMs.optional(),
  /** Requests measured with tracing on and off. */
  samplesOn: sampleCount,
  samplesOff: sampleCount,
  method: overheadMethodSchema,
  environment: singleLineText({ max: 100, what: 'an environment' }),
  measuredAt: z.iso.datetime({ offset: true }),
  notes: multiLineText({ max: 2000, what: 'notes' }).optional(),
})

/** A measurement as the API and the form take it; computeOverheadMs (overhead-ms.ts) says what it adds up to. */
export const overheadMeasurementInput = overheadMeasurementFields.superRefine((measurement, ctx) => {
  if ((measurement.meanOnMs === undefined) !== (measurement.meanOffMs === undefined)) {
    const missing = measurement.meanOnMs === undefined ? 'meanOnMs' : 'meanOffMs'
    ctx.addIssue({ code: 'custom', path: [missing], message: 'give both means (tracing on and off) or neither' })
  }
  for (const side of ['On', 'Off'] as const) {
    if (measurement[`p95${side}Ms`] < measurement[`p50${side}Ms`]) {
      ctx.addIssue({ code: 'custom', path: [`p95${side}Ms`], message: `p95 below p50 (tracing ${side.toLowerCase()})` })
    }
  }
})
export type OverheadMeasurementInput = z.infer<typeof overheadMeasurementInput>

// ---------------------------------------------------------------- k6 end-of-test summaries
//
// Two JSON shapes (fixtures/formats/FORMATS-SOURCES.md, "k6-summary"); k6 writes time trends in ms in
// both. Only the metrics read here are declared; the rest of the file is accepted as it is.

export const K6_SUMMARY_FORMATS = ['summary_export', 'handle_summary'] as const
export type K6SummaryFormat = (typeof K6_SUMMARY_FORMATS)[number]

/** A Trend's statistics; p(99) only when the run asked for it (summaryTrendStats). */
const k6TrendStats = z.object({ avg: z.number(), med: z.number(), 'p(95)': z.number(), 'p(99)': z.number().optional() })
/** A Rate's counts; for http_req_failed, `passes` counts the *failed* requests. */
const k6RateCounts = { passes: z.number().min(0).optional(), fails: z.number().min(0).optional() }

/** `k6 run --summary-export=file.json`: metrics flat, a Rate's share in `value`. */
export const k6SummaryExportSchema = z.object({
  metrics: z.object({
    http_req_duration: k6TrendStats,
    http_reqs: z.object({ count: z.number().min(0) }).optional(),
    http_req_failed: z.object({ ...k6RateCounts, value: z.number().min(0).max(1).optional() }).optional(),
  }),
})
export type K6SummaryExport = z.infer<typeof k6SummaryExportSchema>

/** `JSON.stringify(data)` in `handleSummary(data)`: each metric `{ type, contains, values }`, a Rate's share in `values.rate`. */
export const k6HandleSummarySchema = z.object({
  metrics: z.object({
    http_req_duration: z.object({ values: k6TrendStats }),
    http_reqs: z.object({ values: z.object({ count: z.number().min(0) }) }).optional(),
    http_req_failed: z.object({ values: z.object({ ...k6RateCounts, rate: z.number().min(0).max(1).optional() }) }).optional(),
  }),
})
export type K6HandleSummary = z.infer<typeof k6HandleSummarySchema>

/** Enough of either shape to tell them apart. */
export const k6SummaryEnvelopeSchema = z.object({ metrics: z.record(z.string(), z.unknown()) })

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

// ---------------------------------------------------------------- stored measurements, and how they arrive

export const OVERHEAD_SOURCES = ['form', 'api', 'k6'] as const
export const overheadSourceSchema = z.enum(OVERHEAD_SOURCES)
export type OverheadSource = z.infer<typeof overheadSourceSchema>

/** A saved measurement as the API answers it (GET /api/v1/overhead-measurements) and pages read it. */
export const overheadMeasurementSchema = overheadMeasurementFields.extend({
  id: z.uuid(),
  /** computeOverheadMs (overhead-ms.ts), stored with the row. */
  overheadMs: z.number(),
  meanOnMs: z.number().nullable(),
  meanOffMs: z.number().nullable(),
  notes: z.string().nullable(),
  measuredAt: z.iso.datetime({ offset: true }),
  source: overheadSourceSchema,
  /** Who entered it (a user's e-mail) or which token posted it (its name and prefix). */
  recordedBy: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
})
export type OverheadMeasurement = z.infer<typeof overheadMeasurementSchema>

export const overheadMeasurementListSchema = z.object({ measurements: z.array(overheadMeasurementSchema) })

/** GET /api/v1/overhead-measurements: one service's measurements, or every service's. */
export const overheadMeasurementQuery = z.object({ service: serviceNameSchema.optional() })

/** POST /api/v1/overhead-measurements/k6: two k6 summaries (tracing on, off) of one service. */
export const overheadK6Input = overheadMeasurementFields.pick({ service: true, environment: true, notes: true }).extend({
  /** When the runs were made; the time of the post when left out. */
  measuredAt: overheadMeasurementFields.shape.measuredAt.optional(),
  method: overheadMethodSchema.default('load_test'),
  /** The k6 end-of-test summary (either JSON shape) of the run with tracing on. */
  on: z.unknown(),
  /** The same for the run with tracing off. */
  off: z.unknown(),
})
export type OverheadK6Input = z.infer<typeof overheadK6Input>

const NUMERIC_FORM_FIELDS = new Set(['p50OnMs', 'p50OffMs', 'p95OnMs', 'p95OffMs', 'meanOnMs', 'meanOffMs', 'samplesOn', 'samplesOff'])
/** `<input type="datetime-local">`: no offset, read as UTC (the forms say so). */
const LOCAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?$/

/** Form fields (all strings) as the API's values: blank is left out, numbers read as numbers, a datetime-local as UTC. */
function formValues(fields: unknown): unknown {
  if (typeof fields !== 'object' || fields === null) return fields
  const values: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string' && value.trim() === '') continue
    if (NUMERIC_FORM_FIELDS.has(name) && typeof value === 'string') values[name] = Number(value.trim())
    else if (name === 'measuredAt' && typeof value === 'string' && LOCAL_DATETIME.test(value.trim())) values[name] = `${value.trim()}Z`
    else values[name] = value
  }
  return values
}

/** The "Add measurement" form's fields as overheadMeasurementInput. */
export const overheadMeasurementFormInput = z.preprocess(formValues, overheadMeasurementInput)

/** The k6 upload form: the two files' text (read in the browser for the preview), and the run's context. */
export const overheadK6FormInput = z.preprocess(
  formValues,
  overheadK6Input.omit({ on: true, off: true }).extend({
    onSummary: z.string({ error: 'choose the k6 summary of the run with tracing on' }).max(512 * 1024, 'at most 512 KB'),
    offSummary: z.string({ error: 'choose the k6 summary of the run with tracing off' }).max(512 * 1024, 'at most 512 KB'),
  }),
)

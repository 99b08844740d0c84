// Turns a Jaeger response body into validated records. The envelope must be right (otherwise the
// whole response is unusable and JaegerResponseError is thrown); each record inside it (span, trace,
// summary, process) is validated alone, and a broken one is reported in `rejected` and skipped.
import type { z } from 'zod'
import { isOtlpSpan, isOtlpTracesData } from './otlp-checks'
import {
  classicDependenciesSchema,
  classicEnvelopeSchema,
  classicNamesSchema,
  classicOperationsSchema,
  classicProcessSchema,
  classicSpanSchema,
  classicTraceEnvelopeSchema,
  otlpSpanSchema,
  v3DependenciesResponseSchema,
  v3OperationsResponseSchema,
  v3ServicesResponseSchema,
  v3TraceSummariesResponseSchema,
  v3TraceSummarySchema,
  v3TracesResponseSchema,
  otlpTracesDataSchema,
  type ClassicProcess,
  type ClassicSpan,
  type OtlpKeyValue,
  type OtlpSpan,
  type V3TraceSummary,
} from './schemas'

export type RejectedRecord = { path: string; message: string }
export type Parsed<T> = { records: T[]; rejected: RejectedRecord[] }

/** The response as a whole does not have the shape of its endpoint. */
export class JaegerResponseError extends Error {
  constructor(
    readonly endpoint: string,
    message: string,
  ) {
    super(`${endpoint}: ${message}`)
    this.name = 'JaegerResponseError'
  }
}

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')
}

function parseEnvelope<S extends z.ZodType>(schema: S, body: unknown, endpoint: string): z.output<S> {
  const result = schema.safeParse(body)
  if (!result.success) throw new JaegerResponseError(endpoint, describe(result.error))
  return result.data
}

function collect<S extends z.ZodType>(schema: S, items: readonly unknown[], pathOf: (index: number) => string, out: Parsed<z.output<S>>) {
  items.forEach((item, index) => {
    const result = schema.safeParse(item)
    if (result.success) out.records.push(result.data)
    else out.rejected.push({ path: pathOf(index), message: describe(result.error) })
  })
}

// ---------------------------------------------------------------- api/v3

/** One OTLP span with the resource and scope it was reported under. */
export type V3SpanRecord = { resourceAttributes: OtlpKeyValue[]; scopeName?: string; scopeVersion?: string; span: OtlpSpan }

/** OTLP `TracesData` (the `result` of a v3 trace response, or a bare OTLP file). */
export function parseOtlpTracesData(body: unknown, endpoint: string): Parsed<V3SpanRecord> {
  const tracesData = isOtlpTracesData(body) ? body : parseEnvelope(otlpTracesDataSchema, body, endpoint)
  const out: Parsed<V3SpanRecord> = { records: [], rejected: [] }
  // The hot loop of the sync (every span of every search): checked in place (otlp-checks.ts).
  const resourceSpansList = tracesData.resourceSpans ?? []
  for (let r = 0; r < resourceSpansList.length; r++) {
    const resourceSpans = resourceSpansList[r]!
    const resourceAttributes = resourceSpans.resource?.attributes ?? []
    const scopeSpansList = resourceSpans.scopeSpans ?? []
    for (let s = 0; s < scopeSpansList.length; s++) {
      const scopeSpans = scopeSpansList[s]!
      const spans = scopeSpans.spans ?? []
      for (let i = 0; i < spans.length; i++) {
        const span = spans[i]
        if (isOtlpSpan(span))
          out.records.push({ resourceAttributes, scopeName: scopeSpans.scope?.name, scopeVersion: scopeSpans.scope?.version, span })
        else
          out.rejected.push({
            path: `resourceSpans.${r}.scopeSpans.${s}.spans.${i}`,
            message: describe(otlpSpanSchema.safeParse(span).error!),
          })
      }
    }
  }
  return out
}

/** GET /api/v3/traces and /api/v3/traces/{id}: `{"result": TracesData}`. */
export function parseV3Traces(body: unknown, endpoint = '/api/v3/traces'): Parsed<V3SpanRecord> {
  const envelope = parseEnvelope(v3TracesResponseSchema, body, endpoint)
  return parseOtlpTracesData(envelope.result, endpoint)
}

export function parseV3Services(body: unknown, endpoint = '/api/v3/services'): string[] {
  return parseEnvelope(v3ServicesResponseSchema, body, endpoint).services
}

export function parseV3Operations(body: unknown, endpoint = '/api/v3/operations') {
  return parseEnvelope(v3OperationsResponseSchema, body, endpoint).operations
}

export function parseV3TraceSummaries(body: unknown, endpoint = '/api/v3/trace-summaries'): Parsed<V3TraceSummary> {
  const { summaries } = parseEnvelope(v3TraceSummariesResponseSchema, body, endpoint)
  const out: Parsed<V3TraceSummary> = { records: [], rejected: [] }
  collect(v3TraceSummarySchema, summaries, (i) => `summaries.${i}`, out)
  return out
}

export function parseV3Dependencies(body: unknown, endpoint = '/api/v3/dependencies') {
  return parseEnvelope(v3DependenciesResponseSchema, body, endpoint).dependencies
}

// ---------------------------------------------------------------- classic /api

export type ClassicTraceRecord = {
  traceID: string
  spans: ClassicSpan[]
  processes: Record<string, ClassicProcess>
  warnings: string[]
}

/** One classic trace object (an element of `data` in /api/traces responses). */
export function parseClassicTrace(body: unknown, endpoint: string, path = ''): Parsed<ClassicTraceRecord> {
  const trace = parseEnvelope(classicTraceEnvelopeSchema, body, endpoint)
  const out: Parsed<ClassicTraceRecord> = { records: [], rejected: [] }
  const spans: Parsed<ClassicSpan> = { records: [], rejected: out.rejected }
  collect(classicSpanSchema, trace.spans, (i) => `${path}spans.${i}`, spans)
  const processes: Record<string, ClassicProcess> = {}
  for (const [processID, process] of Object.entries(trace.processes ?? {})) {
    const result = classicProcessSchema.safeParse(process)
    if (result.success) processes[processID] = result.data
    else out.rejected.push({ path: `${path}processes.${processID}`, message: describe(result.error) })
  }
  out.records.push({ traceID: trace.traceID, spans: spans.records, processes, warnings: trace.warnings ?? [] })
  return out
}

function classicData(body: unknown, endpoint: string): unknown {
  const envelope = parseEnvelope(classicEnvelopeSchema, body, endpoint)
  if (envelope.errors?.length && (envelope.data === null || envelope.data === undefined)) {
    throw new JaegerResponseError(endpoint, envelope.errors.map((e) => `${e.code ?? ''} ${e.msg}`.trim()).join('; '))
  }
  return envelope.data
}

/** GET /api/traces (search) and /api/traces/{id}: `{"data": [trace, …], …}`. */
export function parseClassicTraces(body: unknown, endpoint = '/api/traces'): Parsed<ClassicTraceRecord> {
  const data = classicData(body, endpoint)
  const out: Parsed<ClassicTraceRecord> = { records: [], rejected: [] }
  if (data === null || data === undefined) return out
  if (!Array.isArray(data)) throw new JaegerResponseError(endpoint, 'data: expected an array of traces')
  data.forEach((trace, i) => {
    try {
      const parsed = parseClassicTrace(trace, endpoint, `data.${i}.`)
      out.records.push(...parsed.records)
      out.rejected.push(...parsed.rejected)
    } catch (error) {
      out.rejected.push({ path: `data.${i}`, message: error instanceof Error ? error.message : String(error) })
    }
  })
  return out
}

/** GET /api/services and /api/services/{service}/operations. */
export function parseClassicNames(body: unknown, endpoint = '/api/services'): string[] {
  return parseEnvelope(classicNamesSchema, classicData(body, endpoint), endpoint)
}

/** GET /api/operations?service=… */
export function parseClassicOperations(body: unknown, endpoint = '/api/operations') {
  return parseEnvelope(classicOperationsSchema, classicData(body, endpoint), endpoint)
}

/** GET /api/dependencies: the envelope, or (as the UI's sample data files hold it) the bare `data` array. */
export function parseClassicDependencies(body: unknown, endpoint = '/api/dependencies') {
  const data = Array.isArray(body) ? body : classicData(body, endpoint)
  return parseEnvelope(classicDependenciesSchema, data, endpoint)
}

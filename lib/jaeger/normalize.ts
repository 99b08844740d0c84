// Wire records (lib/jaeger/parse.ts) → Spanlens spans (lib/traces/span.ts), grouped by trace. Units
// are converted here and only here: api/v3 times are ns decimal strings, classic times are µs numbers.
// A record that cannot become a span (bad id, no start time, end before start) is rejected with a
// reason; the rest of its trace goes on. Service and operation names are made safe for Postgres here
// (clean-text.ts) and a span whose names had to be is marked `textCleaned`: they are the only span
// text stored (rollup keys, callers); other attributes are only tested for presence or compared.
// normalize-detail.ts builds the trace view's richer spans on the same per-span functions (v3Span,
// classicSpan) and the same grouping (collectV3, collectClassic).
import type { Span, SpanKind, Trace } from '@/lib/traces/span'
import { cleanText } from './clean-text'
import { isZeroId, normalizeSpanId, normalizeTraceId } from './ids'
import type { ClassicTraceRecord, RejectedRecord, V3SpanRecord } from './parse'
import type { ClassicKeyValue, ClassicProcess, OtlpAnyValue, OtlpKeyValue } from './schemas'

/** Spans of any model grouped by trace, in order of first appearance; what could not become a span in `rejected`. */
export type Collected<S> = { traces: { traceId: string; spans: S[]; warnings: string[] }[]; rejected: RejectedRecord[] }
export type Normalized = { traces: Trace[]; rejected: RejectedRecord[] }

/** What Jaeger itself calls a resource without `service.name` (its OTLP translator). */
export const NO_SERVICE_NAME = 'OTLPResourceNoServiceName'
/** Span attribute where Jaeger 2.x keeps its warnings in OTLP. */
export const WARNINGS_ATTRIBUTE = '@jaeger@warnings'
/** Shared by every span without warnings (most of them): never mutated. */
const NO_WARNINGS: string[] = []

const V3_KINDS: Record<string, SpanKind> = {
  0: 'unspecified',
  1: 'internal',
  2: 'server',
  3: 'client',
  4: 'producer',
  5: 'consumer',
  SPAN_KIND_UNSPECIFIED: 'unspecified',
  SPAN_KIND_INTERNAL: 'internal',
  SPAN_KIND_SERVER: 'server',
  SPAN_KIND_CLIENT: 'client',
  SPAN_KIND_PRODUCER: 'producer',
  SPAN_KIND_CONSUMER: 'consumer',
}
const CLASSIC_KINDS: Record<string, SpanKind> = {
  server: 'server',
  client: 'client',
  producer: 'producer',
  consumer: 'consumer',
  internal: 'internal',
}

/** Facts of the reporting process, shared by all its spans. */
type Process = Pick<Span, 'service' | 'serviceVersion' | 'samplerType' | 'samplerParam'>
/** A process as cached per resource (v3) or process object (classic): its service name cleaned once. */
type ProcessEntry = { process: Process; serviceCleaned: boolean }

function processEntry(process: Process): ProcessEntry {
  const service = cleanText(process.service)
  return { process: { ...process, service }, serviceCleaned: service !== process.service }
}

class TraceCollector<S extends { traceId: string }> {
  private readonly byId = new Map<string, Collected<S>['traces'][number]>()
  readonly rejected: RejectedRecord[] = []

  add(span: S) {
    let trace = this.byId.get(span.traceId)
    if (!trace) this.byId.set(span.traceId, (trace = { traceId: span.traceId, spans: [], warnings: [] }))
    trace.spans.push(span)
  }

  addTraceWarnings(traceId: string, warnings: readonly string[]) {
    const trace = this.byId.get(traceId)
    if (trace && warnings.length) trace.warnings.push(...warnings)
  }

  reject(path: string, error: unknown) {
    this.rejected.push({ path, message: error instanceof Error ? error.message : String(error) })
  }

  result(): Collected<S> {
    return { traces: [...this.byId.values()], rejected: this.rejected }
  }
}

const toNumber = (value: unknown): number | null => {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN
  return Number.isFinite(number) ? number : null
}

// ---------------------------------------------------------------- api/v3

/** ns since the epoch (decimal string or number) → µs, truncated as Jaeger's own model does. */
export function nanosToMicros(nanos: string | number | undefined): number | null {
  if (nanos === undefined) return null
  if (typeof nanos === 'number') return nanos > 0 ? Math.trunc(nanos / 1000) : null
  if (nanos.length <= 3) return null // "0" and other sub-µs values: no time at all
  return Number(nanos.slice(0, -3))
}

function anyValue(value: OtlpAnyValue | undefined): string | number | boolean | null {
  if (!value) return null
  if (value.stringValue !== undefined) return value.stringValue
  if (value.intValue !== undefined) return toNumber(value.intValue)
  if (value.doubleValue !== undefined) return toNumber(value.doubleValue)
  if (value.boolValue !== undefined) return value.boolValue
  return null
}

/** The string items of an array value (items are unchecked by the schema: read defensively). */
function stringItems(value: OtlpAnyValue | undefined): string[] {
  const items = value?.arrayValue?.values ?? []
  return items.flatMap((item) =>
    item && typeof item === 'object' && typeof (item as { stringValue?: unknown }).stringValue === 'string'
      ? [(item as { stringValue: string }).stringValue]
      : [],
  )
}

const v3Processes = new WeakMap<readonly OtlpKeyValue[], ProcessEntry>()
function v3Process(resourceAttributes: readonly OtlpKeyValue[]): ProcessEntry {
  let entry = v3Processes.get(resourceAttributes)
  if (!entry) {
    const process: Process = { service: NO_SERVICE_NAME, serviceVersion: null, samplerType: null, samplerParam: null }
    for (const { key, value } of resourceAttributes) {
      if (key === 'service.name') process.service = String(anyValue(value) ?? '') || NO_SERVICE_NAME
      else if (key === 'service.version') process.serviceVersion = anyValue(value) === null ? null : String(anyValue(value))
      else if (key === 'sampler.type') process.samplerType = anyValue(value) === null ? null : String(anyValue(value))
      else if (key === 'sampler.param') process.samplerParam = toNumber(anyValue(value))
    }
    v3Processes.set(resourceAttributes, (entry = processEntry(process)))
  }
  return entry
}

const V3_ERROR_CODES = new Set<unknown>([2, 'STATUS_CODE_ERROR'])

export function v3Span({ resourceAttributes, span }: V3SpanRecord): Span {
  const startUs = nanosToMicros(span.startTimeUnixNano)
  const endUs = nanosToMicros(span.endTimeUnixNano)
  if (startUs === null || endUs === null) throw new Error('no start or end time')
  if (endUs < startUs) throw new Error('ends before it starts')
  const { process, serviceCleaned } = v3Process(resourceAttributes)
  const parent = span.parentSpanId ? normalizeSpanId(span.parentSpanId) : null
  const name = span.name ?? '' // proto3 JSON omits an empty name
  const result: Span = {
    traceId: normalizeTraceId(span.traceId),
    spanId: normalizeSpanId(span.spanId),
    parentSpanId: parent && !isZeroId(parent) ? parent : null,
    ...process,
    operation: cleanText(name),
    kind: V3_KINDS[String(span.kind ?? 0)] ?? 'unspecified',
    startUs,
    durationUs: endUs - startUs,
    error: V3_ERROR_CODES.has(span.status?.code),
    isHttp: false,
    httpRoute: null,
    httpStatusCode: null,
    warnings: NO_WARNINGS,
  }
  // One pass over the attributes; only the keys Spanlens uses are read.
  let legacyStatusCode: number | null = null
  for (const { key, value } of span.attributes ?? []) {
    switch (key) {
      case 'http.request.method':
      case 'http.method':
        result.isHttp = true
        break
      case 'http.route': {
        const route = anyValue(value)
        if (typeof route === 'string') result.httpRoute = route
        break
      }
      case 'http.response.status_code': {
        const code = anyValue(value)
        if (typeof code === 'number') result.httpStatusCode = code
        break
      }
      case 'http.status_code': {
        const code = anyValue(value)
        if (typeof code === 'number') legacyStatusCode = code
        break
      }
      case 'error': {
        const error = anyValue(value)
        if (error === true || error === 'true') result.error = true
        break
      }
      case 'sampler.type': {
        const type = anyValue(value)
        if (typeof type === 'string') result.samplerType = type
        break
      }
      case 'sampler.param': {
        const param = toNumber(anyValue(value))
        if (param !== null) result.samplerParam = param
        break
      }
      case WARNINGS_ATTRIBUTE:
        result.warnings = stringItems(value)
        break
    }
  }
  result.httpStatusCode ??= legacyStatusCode
  if (serviceCleaned || result.operation !== name) result.textCleaned = true
  return result
}

/** Each record through `toSpan`, grouped by trace; a record `toSpan` throws on is rejected with the reason. */
export function collectV3<S extends { traceId: string }>(
  records: readonly V3SpanRecord[],
  toSpan: (record: V3SpanRecord) => S,
): Collected<S> {
  const collector = new TraceCollector<S>()
  for (const record of records) {
    try {
      collector.add(toSpan(record))
    } catch (error) {
      collector.reject(`span ${record.span.spanId} of trace ${record.span.traceId}`, error)
    }
  }
  return collector.result()
}

export function normalizeV3(records: readonly V3SpanRecord[]): Normalized {
  return collectV3(records, v3Span)
}

// ---------------------------------------------------------------- classic /api

function tagMap(tags: readonly ClassicKeyValue[] | null | undefined): Map<string, ClassicKeyValue['value']> {
  const map = new Map<string, ClassicKeyValue['value']>()
  for (const tag of tags ?? []) map.set(tag.key, tag.value)
  return map
}

const classicProcesses = new WeakMap<ClassicProcess, ProcessEntry>()
function processFacts(process: ClassicProcess): ProcessEntry {
  const cached = classicProcesses.get(process)
  if (cached) return cached
  const tags = tagMap(process.tags)
  const version = tags.get('service.version')
  const samplerType = tags.get('sampler.type')
  const entry = processEntry({
    service: process.serviceName,
    serviceVersion: version === undefined || version === null ? null : String(version),
    samplerType: samplerType === undefined || samplerType === null ? null : String(samplerType),
    samplerParam: toNumber(tags.get('sampler.param')),
  })
  classicProcesses.set(process, entry)
  return entry
}

/** The span's own inline process, or its entry in the trace's process map. */
export function classicProcessOf(trace: ClassicTraceRecord, span: ClassicTraceRecord['spans'][number]): ClassicProcess {
  const process = span.process ?? (span.processID === undefined ? undefined : trace.processes[span.processID])
  if (!process) throw new Error(`process ${span.processID ?? '(none)'} is not in the trace`)
  return process
}

/** Jaeger's ParentSpanID(): the first CHILD_OF in the same trace; we fall back to FOLLOWS_FROM so a
 *  broken follows-from link counts as an orphan rather than a second root. */
function classicParent(span: ClassicTraceRecord['spans'][number], traceId: string): string | null {
  const references = (span.references ?? []).filter((reference) => normalizeTraceId(reference.traceID) === traceId)
  const reference = references.find((r) => r.refType === 'CHILD_OF') ?? references.find((r) => r.refType === 'FOLLOWS_FROM')
  return reference ? normalizeSpanId(reference.spanID) : null
}

export function classicSpan(trace: ClassicTraceRecord, span: ClassicTraceRecord['spans'][number]): Span {
  if (span.startTime === undefined) throw new Error('no start time')
  const traceId = normalizeTraceId(span.traceID)
  const tags = tagMap(span.tags)
  const error = tags.get('error')
  const statusCode = toNumber(tags.get('http.response.status_code') ?? tags.get('http.status_code'))
  const route = tags.get('http.route')
  const { process, serviceCleaned } = processFacts(classicProcessOf(trace, span))
  const samplerType = tags.get('sampler.type')
  const result: Span = {
    traceId,
    spanId: normalizeSpanId(span.spanID),
    parentSpanId: classicParent(span, traceId),
    ...process,
    // Jaeger client libraries put the sampler on the first span of a trace, OTel SDKs on the process.
    samplerType: typeof samplerType === 'string' ? samplerType : process.samplerType,
    samplerParam: toNumber(tags.get('sampler.param')) ?? process.samplerParam,
    operation: cleanText(span.operationName),
    kind: CLASSIC_KINDS[String(tags.get('span.kind'))] ?? 'unspecified',
    startUs: span.startTime,
    durationUs: Math.max(0, span.duration ?? 0),
    error: error === true || error === 'true' || tags.get('otel.status_code') === 'ERROR',
    isHttp: tags.has('http.request.method') || tags.has('http.method'),
    httpRoute: typeof route === 'string' ? route : null,
    httpStatusCode: statusCode,
    warnings: span.warnings?.length ? span.warnings : NO_WARNINGS,
  }
  if (serviceCleaned || result.operation !== span.operationName) result.textCleaned = true
  return result
}

/** Each span through `toSpan`, grouped by trace with the trace-level warnings; a span `toSpan` throws on is rejected with the reason. */
export function collectClassic<S extends { traceId: string }>(
  traces: readonly ClassicTraceRecord[],
  toSpan: (trace: ClassicTraceRecord, span: ClassicTraceRecord['spans'][number]) => S,
): Collected<S> {
  const collector = new TraceCollector<S>()
  for (const trace of traces) {
    for (const span of trace.spans) {
      try {
        collector.add(toSpan(trace, span))
      } catch (error) {
        collector.reject(`span ${span.spanID} of trace ${trace.traceID}`, error)
      }
    }
    try {
      collector.addTraceWarnings(normalizeTraceId(trace.traceID), trace.warnings)
    } catch (error) {
      collector.reject(`trace ${trace.traceID}`, error)
    }
  }
  return collector.result()
}

export function normalizeClassic(traces: readonly ClassicTraceRecord[]): Normalized {
  return collectClassic(traces, classicSpan)
}

// api/v3 (OTLP JSON) span records → Spanlens spans, by the rules of normalize.ts: times are ns since
// the epoch (decimal strings) truncated to µs, and service, version and sampler come from the
// resource attributes, read once per resource.
import type { Span, SpanKind } from '@/lib/traces/span'
import { cleanText } from './clean-text'
import { isZeroId, normalizeSpanId, normalizeTraceId } from './ids'
import {
  NO_WARNINGS,
  processEntry,
  toNumber,
  TraceCollector,
  type Collected,
  type Normalized,
  type Process,
  type ProcessEntry,
} from './normalize'
import type { V3SpanRecord } from './parse'
import type { OtlpAnyValue, OtlpKeyValue } from './schemas'

/** What Jaeger itself calls a resource without `service.name` (its OTLP translator). */
export const NO_SERVICE_NAME = 'OTLPResourceNoServiceName'
/** Span attribute where Jaeger 2.x keeps its warnings in OTLP. */
export const WARNINGS_ATTRIBUTE = '@jaeger@warnings'

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
  const { process, processCleaned } = v3Process(resourceAttributes)
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
  if (processCleaned || result.operation !== name) result.textCleaned = true
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

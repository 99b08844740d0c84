// Classic /api/traces records (Jaeger's legacy JSON model) → Spanlens spans, by the rules of
// normalize.ts: times are already µs numbers, tags are typed key-values, and a span's process is
// inline or in its trace's process map, its facts read once per process object.
import type { Span, SpanKind } from '@/lib/traces/span'
import { cleanText } from './clean-text'
import { normalizeSpanId, normalizeTraceId } from './ids'
import { NO_WARNINGS, processEntry, toNumber, TraceCollector, type Collected, type Normalized, type ProcessEntry } from './normalize'
import type { ClassicTraceRecord } from './parse'
import type { ClassicKeyValue, ClassicProcess } from './schemas'

const CLASSIC_KINDS: Record<string, SpanKind> = {
  server: 'server',
  client: 'client',
  producer: 'producer',
  consumer: 'consumer',
  internal: 'internal',
}

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
  const { process, processCleaned } = processFacts(classicProcessOf(trace, span))
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
  if (processCleaned || result.operation !== span.operationName) result.textCleaned = true
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

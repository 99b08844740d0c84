// Trace search with the semantics of Jaeger's in-memory store (internal/storage/v2/memory/tenant.go,
// validTrace/validSpan): a trace matches when one of its spans matches every criterion; results
// come newest first and stop at the search depth. There is no pagination.
import { NO_SKEW, type ClockSkew } from './clock-skew'
import { MINUTE_US } from './scenario'
import { attributeString, type Attribute, type SimSpan, type SimTrace } from './simulated-trace'

export type TraceQuery = {
  serviceName?: string
  operationName?: string
  /** Inclusive bounds on a span's start, µs. */
  startTimeMinUs: number
  startTimeMaxUs: number
  /** Inclusive bounds on a span's duration, ns (as Go's time.Duration); 0 or absent: unbounded. */
  durationMinNs?: number
  durationMaxNs?: number
  /** Key → value, compared as strings; the key `error` matches any span with an error status. */
  attributes?: ReadonlyMap<string, string>
  /** At most this many traces; 0 returns none, a negative depth is unbounded (as the memory store). */
  searchDepth: number
}

/** Spans start at most this long after their trace's start (bounded by the call graph's timeouts). */
export const MAX_SPAN_START_AFTER_TRACE_US = 60_000_000
/** Clock offsets make reported starts precede the true trace start by less than this. */
export const MAX_CLOCK_LEAD_US = 1_000_000

function matchesAttribute(span: SimSpan, key: string, value: string): boolean {
  const matches = (attributes: readonly Attribute[]) =>
    attributes.some((attribute) => attribute.key === key && attributeString(attribute) === value)
  return matches(span.attributes) || matches(span.resource.attributes) || span.events.some((event) => matches(event.attributes))
}

/** A Jaeger whose max search depth is maxSearchDepth: no search returns more, an unbounded one included. */
export function capSearchDepth(query: TraceQuery, maxSearchDepth: number | undefined): TraceQuery {
  if (maxSearchDepth === undefined || (query.searchDepth >= 0 && query.searchDepth <= maxSearchDepth)) return query
  return { ...query, searchDepth: maxSearchDepth }
}

export function spanMatches(span: SimSpan, query: TraceQuery): boolean {
  if (query.serviceName && span.resource.serviceName !== query.serviceName) return false
  if (query.attributes?.has('error') && span.statusCode !== 2) return false
  if (query.operationName && span.name !== query.operationName) return false
  if (span.startUs < query.startTimeMinUs || span.startUs > query.startTimeMaxUs) return false
  if (query.durationMinNs && span.durationUs * 1000 < query.durationMinNs) return false
  if (query.durationMaxNs && span.durationUs * 1000 > query.durationMaxNs) return false
  for (const [key, value] of query.attributes ?? []) {
    if (key !== 'error' && !matchesAttribute(span, key, value)) return false
  }
  return true
}

/**
 * The range of minutes (by trace start) whose traces can hold a span starting in [startUs, endUs]:
 *   trace start |-- its spans start up to MAX_SPAN_START_AFTER_TRACE_US later --|
 *   and a lagging host may report a start up to MAX_CLOCK_LEAD_US before the trace's true start;
 *   a skew fault moves reported starts by up to skew.latestUs later or skew.earliestUs earlier.
 */
export function candidateMinutes(startUs: number, endUs: number, skew: ClockSkew = NO_SKEW): { first: number; last: number } {
  return {
    first: Math.floor((startUs - MAX_SPAN_START_AFTER_TRACE_US - skew.latestUs) / MINUTE_US),
    last: Math.floor((endUs + MAX_CLOCK_LEAD_US + skew.earliestUs) / MINUTE_US),
  }
}

export type MinuteSource = {
  /** Traces of a minute, ordered by start time; empty for minutes nothing could emit in. */
  tracesOf(minute: number): readonly SimTrace[]
  /** False when the service (or, without one, any service) cannot have spans in that minute. */
  mayEmit(minute: number, serviceName?: string): boolean
  nowUs(): number
  /** The skew fault its traces were read under (NO_SKEW when off). */
  skew: ClockSkew
}

export function findTraces(source: MinuteSource, query: TraceQuery): SimTrace[] {
  const found: SimTrace[] = []
  if (query.searchDepth === 0) return found
  const nowUs = source.nowUs()
  const { first, last } = candidateMinutes(query.startTimeMinUs, Math.min(query.startTimeMaxUs, nowUs), source.skew)
  for (let minute = last; minute >= first; minute--) {
    if (!source.mayEmit(minute, query.serviceName)) continue
    const traces = source.tracesOf(minute)
    for (let index = traces.length - 1; index >= 0; index--) {
      const trace = traces[index]!
      if (trace.visibleFromUs > nowUs || !trace.spans.some((span) => spanMatches(span, query))) continue
      found.push(trace)
      if (found.length === query.searchDepth) return found
    }
  }
  return found
}

// The slowest recent traces of one operation (or of one version of a service, for a canary): from the
// traces a search returned, each trace's slowest span of the service that matches, slowest first, with
// what a list row shows of its trace. Pure.
import type { Span, Trace } from './span'

export type SlowTraceSearch = {
  service: string
  /** Only spans of this operation; any operation of the service when absent. */
  operation?: string
  /** Only spans whose process carries this `service.version` (a canary's); any version when absent. */
  version?: string
  minDurationUs: number
  limit: number
}

export type SlowTrace = {
  traceId: string
  /** The slowest matching span of the service in this trace. */
  spanId: string
  /** That span's. */
  operation: string
  /** µs since the epoch: that span's start (what the search window bounds). */
  startUs: number
  /** That span's. */
  durationUs: number
  /** That span's. */
  error: boolean
  /** Earliest span start to latest span end, over all spans of the trace. */
  traceDurationUs: number
  /** The span without a parent (the earliest, if several); null when every span has one. */
  rootService: string | null
  rootOperation: string | null
  spanCount: number
  serviceCount: number
}

/**
 * How many traces to ask Jaeger for to find the `limit` slowest: a search returns the newest matching
 * traces, not the slowest, so we look deeper than we show and sort ourselves. 200 bounds the response,
 * as every trace arrives whole (all its spans); a limit above it is asked for as it is.
 */
export function computeSlowTraceSearchDepth(limit: number): number {
  return Math.max(limit, Math.min(200, Math.max(limit * 5, 50)))
}

/** Earlier start first; equal starts by span id, so the choice never depends on response order. */
const isBefore = (a: Span, b: Span) => a.startUs < b.startUs || (a.startUs === b.startUs && a.spanId < b.spanId)

function summarize(trace: Trace, slowest: Span): SlowTrace {
  let root: Span | null = null
  let firstStartUs = Infinity
  let lastEndUs = -Infinity
  const services = new Set<string>()
  for (const span of trace.spans) {
    if (span.parentSpanId === null && (!root || isBefore(span, root))) root = span
    firstStartUs = Math.min(firstStartUs, span.startUs)
    lastEndUs = Math.max(lastEndUs, span.startUs + span.durationUs)
    services.add(span.service)
  }
  return {
    traceId: trace.traceId,
    spanId: slowest.spanId,
    operation: slowest.operation,
    startUs: slowest.startUs,
    durationUs: slowest.durationUs,
    error: slowest.error,
    traceDurationUs: lastEndUs - firstStartUs,
    rootService: root?.service ?? null,
    rootOperation: root?.operation ?? null,
    spanCount: trace.spans.length,
    serviceCount: services.size,
  }
}

/** Ties on duration go to the newer trace, then the trace id: a stable order for a list that refreshes. */
const slowestFirst = (a: SlowTrace, b: SlowTrace) =>
  b.durationUs - a.durationUs || b.startUs - a.startUs || (a.traceId < b.traceId ? -1 : a.traceId > b.traceId ? 1 : 0)

export function computeSlowTraces(
  traces: readonly Trace[],
  { service, operation, version, minDurationUs, limit }: SlowTraceSearch,
): SlowTrace[] {
  const slow: SlowTrace[] = []
  for (const trace of traces) {
    let slowest: Span | null = null
    for (const span of trace.spans) {
      if (span.service !== service) continue
      if ((operation !== undefined && span.operation !== operation) || (version !== undefined && span.serviceVersion !== version)) continue
      if (!slowest || span.durationUs > slowest.durationUs || (span.durationUs === slowest.durationUs && isBefore(span, slowest)))
        slowest = span
    }
    if (slowest && slowest.durationUs >= minDurationUs) slow.push(summarize(trace, slowest))
  }
  return slow.sort(slowestFirst).slice(0, Math.max(0, limit))
}

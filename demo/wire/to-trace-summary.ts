// One element of GET /api/v3/trace-summaries, computed as Jaeger does when the backend has no
// native summaries (internal/tracesummary: FromTrace) and marshalled like the proto message
// api_v3.TraceSummary: int32 counts as numbers, uint64 times as strings, zero values omitted.
import type { SimSpan, SimTrace } from '../simulator/simulated-trace'

/** The earliest-starting span, ties broken by the smaller span id (FromTrace's isBetterRoot). */
function earliest(spans: readonly SimSpan[]): SimSpan | undefined {
  let best: SimSpan | undefined
  for (const span of spans) {
    if (!best || span.startUs < best.startUs || (span.startUs === best.startUs && span.spanId < best.spanId)) best = span
  }
  return best
}

const withoutZero = <T extends Record<string, unknown>>(fields: T) =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== 0 && value !== '')) as Partial<T>

export function toTraceSummary(trace: SimTrace) {
  const spanIds = new Set(trace.spans.map((span) => span.spanId))
  const isOrphan = (span: SimSpan) => span.parentSpanId !== '' && !spanIds.has(span.parentSpanId)
  const root = earliest(trace.spans.filter((span) => span.parentSpanId === '' || isOrphan(span))) ?? earliest(trace.spans)
  const services = new Map<string, { name: string; spanCount: number; errorSpanCount: number }>()
  let errorSpanCount = 0
  let minStartUs = Number.POSITIVE_INFINITY
  let maxEndUs = 0
  for (const span of trace.spans) {
    const name = span.resource.serviceName
    const service = services.get(name) ?? { name, spanCount: 0, errorSpanCount: 0 }
    service.spanCount++
    if (span.statusCode === 2) {
      service.errorSpanCount++
      errorSpanCount++
    }
    services.set(name, service)
    minStartUs = Math.min(minStartUs, span.startUs)
    maxEndUs = Math.max(maxEndUs, span.startUs + span.durationUs)
  }
  return {
    traceId: trace.traceId,
    ...withoutZero({
      rootServiceName: root?.resource.serviceName ?? '',
      rootOperationName: root?.name ?? '',
      minStartTimeUnixNano: `${minStartUs}000`,
      maxEndTimeUnixNano: `${maxEndUs}000`,
      spanCount: trace.spans.length,
      errorSpanCount,
      orphanSpanCount: trace.spans.filter(isOrphan).length,
    }),
    services: [...services.values()]
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((service) => ({ name: service.name, ...withoutZero({ spanCount: service.spanCount, errorSpanCount: service.errorSpanCount }) })),
  }
}

// Ground truth for a time window, straight from the simulator: what a complete, untruncated read of
// Jaeger would find. A span counts when its reported start (skew fault included) is in
// [startUs, endUs) and its trace is visible now; a trace counts when at least one of its spans does.
import { candidateMinutes, type MinuteSource } from './find-traces'
import { SPAN_KIND_NAMES } from './simulated-trace'

export type SpanTally = { spans: number; errors: number }
export type ExactCounts = SpanTally & {
  traces: number
  byService: Record<string, SpanTally & { traces: number }>
  /** Keyed `${service}\t${operation}\t${spanKind}`; spanKind as Jaeger names it ('server', …). */
  byOperation: Record<string, SpanTally & { service: string; operation: string; spanKind: string }>
}

export type CountWindow = { service?: string; startUs: number; endUs: number }

export function exactCounts(source: MinuteSource, { service, startUs, endUs }: CountWindow): ExactCounts {
  const counts: ExactCounts = { traces: 0, spans: 0, errors: 0, byService: {}, byOperation: {} }
  const nowUs = source.nowUs()
  const { first, last } = candidateMinutes(startUs, endUs - 1, source.skew)
  for (let minute = first; minute <= last; minute++) {
    if (!source.mayEmit(minute, service)) continue
    for (const trace of source.tracesOf(minute)) {
      if (trace.visibleFromUs > nowUs) continue
      const servicesInTrace = new Set<string>()
      for (const span of trace.spans) {
        if (span.startUs < startUs || span.startUs >= endUs) continue
        const serviceName = span.resource.serviceName
        if (service !== undefined && serviceName !== service) continue
        const error = span.statusCode === 2 ? 1 : 0
        const spanKind = SPAN_KIND_NAMES[span.kind]
        const byService = (counts.byService[serviceName] ??= { traces: 0, spans: 0, errors: 0 })
        const byOperation = (counts.byOperation[`${serviceName}\t${span.name}\t${spanKind}`] ??= {
          service: serviceName,
          operation: span.name,
          spanKind,
          spans: 0,
          errors: 0,
        })
        counts.spans++
        counts.errors += error
        byService.spans++
        byService.errors += error
        byOperation.spans++
        byOperation.errors += error
        if (!servicesInTrace.has(serviceName)) {
          servicesInTrace.add(serviceName)
          byService.traces++
        }
      }
      if (servicesInTrace.size > 0) counts.traces++
    }
  }
  return counts
}

// Ground truth for a time window, straight from the simulator: what a complete, untruncated read of
// Jaeger would find. A span counts when its reported start (skew fault included) is in
// [startUs, endUs) and its trace is visible now; a trace counts when at least one of its spans does.
import { candidateMinutes, type MinuteSource } from './find-traces'
import { SPAN_KIND_NAMES, type Resource } from './simulated-trace'

export type SpanTally = { spans: number; errors: number }
export type ExactCounts = SpanTally & {
  traces: number
  byService: Record<string, SpanTally & { traces: number }>
  /** Keyed `${service}\t${operation}\t${spanKind}`; spanKind as Jaeger names it ('server', …). */
  byOperation: Record<string, SpanTally & { service: string; operation: string; spanKind: string }>
  /**
   * Keyed `${service}\t${version}` (`service.version`; spans without it are left out). Entry spans are
   * the server and consumer spans, the requests and messages the version handled.
   */
  byVersion: Record<string, SpanTally & { service: string; version: string; entrySpans: number; entryErrors: number }>
  /** Keyed `${service}\t${version}\t${operation}\t${spanKind}`. */
  byVersionOperation: Record<string, SpanTally & { service: string; version: string; operation: string; spanKind: string }>
}

export type CountWindow = { service?: string; startUs: number; endUs: number }

const VERSIONS = new WeakMap<Resource, string | null>()
function serviceVersion(resource: Resource): string | null {
  let version = VERSIONS.get(resource)
  if (version === undefined) {
    const attribute = resource.attributes.find((candidate) => candidate.key === 'service.version')
    VERSIONS.set(resource, (version = attribute ? String(attribute.value) : null))
  }
  return version
}

export function exactCounts(source: MinuteSource, { service, startUs, endUs }: CountWindow): ExactCounts {
  const counts: ExactCounts = { traces: 0, spans: 0, errors: 0, byService: {}, byOperation: {}, byVersion: {}, byVersionOperation: {} }
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
        const version = serviceVersion(span.resource)
        if (version !== null) {
          const byVersion = (counts.byVersion[`${serviceName}\t${version}`] ??= {
            service: serviceName,
            version,
            spans: 0,
            errors: 0,
            entrySpans: 0,
            entryErrors: 0,
          })
          byVersion.spans++
          byVersion.errors += error
          if (spanKind === 'server' || spanKind === 'consumer') {
            byVersion.entrySpans++
            byVersion.entryErrors += error
          }
          const operation = (counts.byVersionOperation[`${serviceName}\t${version}\t${span.name}\t${spanKind}`] ??= {
            service: serviceName,
            version,
            operation: span.name,
            spanKind,
            spans: 0,
            errors: 0,
          })
          operation.spans++
          operation.errors += error
        }
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

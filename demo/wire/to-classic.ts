// Renders a trace as the classic /api returns it (internal/uimodel/converter/v1/json/from_domain.go
// over Jaeger's OTLP→model translation): µs times, typed tags, processes keyed p1, p2, … in order of
// first appearance, CHILD_OF references, OTLP kind/status/scope folded into tags, events as logs.
import { SPAN_KIND_NAMES, type Attribute, type SimTrace } from '../simulator/simulated-trace'
import { renderTrace, type RenderedSpan } from './render-trace'

export type ClassicKeyValue = { key: string; type: 'string' | 'bool' | 'int64' | 'float64'; value: string | number | boolean }

const TAG_TYPES = { string: 'string', int: 'int64', double: 'float64', bool: 'bool' } as const

const classicTag = (attribute: Attribute): ClassicKeyValue => ({
  key: attribute.key,
  type: TAG_TYPES[attribute.type],
  value: attribute.value,
})
const stringTag = (key: string, value: string): ClassicKeyValue => ({ key, type: 'string', value })

function spanTags({ span, attributes }: RenderedSpan): ClassicKeyValue[] {
  const tags = [
    stringTag('otel.scope.name', span.scope.name),
    stringTag('otel.scope.version', span.scope.version),
    ...attributes.map(classicTag),
  ]
  tags.push(stringTag('span.kind', SPAN_KIND_NAMES[span.kind]))
  if (span.statusCode === 2) tags.push(stringTag('otel.status_code', 'ERROR'), { key: 'error', type: 'bool', value: true })
  if (span.statusMessage) tags.push(stringTag('otel.status_description', span.statusMessage))
  return tags
}

export function toClassicTrace(trace: SimTrace, raw: boolean) {
  const processes: Record<string, { serviceName: string; tags: ClassicKeyValue[] }> = {}
  const spans = renderTrace(trace, raw).flatMap(({ resource, attributes, scopes }, index) => {
    const processID = `p${index + 1}`
    processes[processID] = {
      serviceName: resource.serviceName,
      tags: attributes.filter((attribute) => attribute.key !== 'service.name').map(classicTag),
    }
    return scopes.flatMap(({ spans: scopeSpans }) =>
      scopeSpans.map((rendered) => ({
        traceID: trace.traceId,
        spanID: rendered.span.spanId,
        operationName: rendered.span.name,
        references: rendered.span.parentSpanId ? [{ refType: 'CHILD_OF', traceID: trace.traceId, spanID: rendered.span.parentSpanId }] : [],
        startTime: rendered.span.startUs,
        duration: rendered.span.durationUs,
        tags: spanTags(rendered),
        logs: rendered.events.map((event) => ({
          timestamp: event.timeUs,
          fields: [stringTag('event', event.name), ...event.attributes.map(classicTag)],
        })),
        processID,
        warnings: rendered.warnings.length > 0 ? rendered.warnings : null,
      })),
    )
  })
  // encoding/json writes map keys sorted: p1, p10, p11, p2, …
  const sortedProcesses = Object.fromEntries(Object.entries(processes).sort(([a], [b]) => (a < b ? -1 : 1)))
  return { traceID: trace.traceId, spans, processes: sortedProcesses, warnings: null }
}

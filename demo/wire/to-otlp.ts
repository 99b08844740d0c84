// Renders traces as api/v3 returns them: OTLP JSON (`{"result": TracesData}`) as the collector's
// pdata marshaler writes it — hex ids, numeric kinds, ns times as decimal strings, zero values
// omitted, `status` always present — with adjuster warnings in the `@jaeger@warnings` attribute
// (internal/jptrace/warning.go).
import type { Attribute, SimTrace } from '../simulator/simulated-trace'
import { renderTrace, type RenderedSpan } from './render-trace'

const WARNINGS_ATTRIBUTE = '@jaeger@warnings'

type OtlpValue =
  | { stringValue: string }
  | { intValue: string }
  | { doubleValue: number }
  | { boolValue: boolean }
  | { arrayValue: { values: OtlpValue[] } }

function otlpValue(attribute: Attribute): OtlpValue {
  switch (attribute.type) {
    case 'string':
      return { stringValue: attribute.value }
    case 'int':
      return { intValue: String(attribute.value) }
    case 'double':
      return { doubleValue: attribute.value }
    case 'bool':
      return { boolValue: attribute.value }
  }
}

const otlpAttributes = (attributes: readonly Attribute[]) =>
  attributes.map((attribute) => ({ key: attribute.key, value: otlpValue(attribute) }))

/** µs → OTLP's ns decimal string. */
const unixNano = (us: number) => `${us}000`

function otlpSpan({ span, attributes, events, warnings }: RenderedSpan, traceId: string) {
  const rendered: Record<string, unknown> = { traceId, spanId: span.spanId }
  if (span.parentSpanId) rendered.parentSpanId = span.parentSpanId
  rendered.name = span.name
  rendered.kind = span.kind
  rendered.startTimeUnixNano = unixNano(span.startUs)
  rendered.endTimeUnixNano = unixNano(span.startUs + span.durationUs)
  const allAttributes = otlpAttributes(attributes) as { key: string; value: OtlpValue }[]
  if (warnings.length > 0)
    allAttributes.push({
      key: WARNINGS_ATTRIBUTE,
      value: { arrayValue: { values: warnings.map((warning) => ({ stringValue: warning })) } },
    })
  if (allAttributes.length > 0) rendered.attributes = allAttributes
  if (events.length > 0)
    rendered.events = events.map((event) => ({
      timeUnixNano: unixNano(event.timeUs),
      name: event.name,
      attributes: otlpAttributes(event.attributes),
    }))
  rendered.status = span.statusCode === 2 ? (span.statusMessage ? { message: span.statusMessage, code: 2 } : { code: 2 }) : {}
  return rendered
}

/** The `resourceSpans` of several traces, concatenated (as the HTTP gateway's returnTraces does). */
export function toOtlpResourceSpans(traces: readonly SimTrace[], raw: boolean) {
  return traces.flatMap((trace) =>
    renderTrace(trace, raw).map(({ attributes, scopes }) => ({
      resource: { attributes: otlpAttributes(attributes) },
      scopeSpans: scopes.map(({ scope, spans }) => ({
        scope: { name: scope.name, version: scope.version },
        spans: spans.map((span) => otlpSpan(span, trace.traceId)),
      })),
    })),
  )
}

// The simulator's own trace model: what the wire layer renders as OTLP (api/v3) or classic JSON.
// Times are integer µs since the Unix epoch; both wire formats convert from here exactly.

/** OTLP SpanKind numbers. */
export const SpanKind = { INTERNAL: 1, SERVER: 2, CLIENT: 3, PRODUCER: 4, CONSUMER: 5 } as const
export type SpanKindNumber = (typeof SpanKind)[keyof typeof SpanKind]

/** Lower-case names, as Jaeger reports span kinds in operations and the classic `span.kind` tag. */
export const SPAN_KIND_NAMES: Record<SpanKindNumber, string> = { 1: 'internal', 2: 'server', 3: 'client', 4: 'producer', 5: 'consumer' }

export type Attribute =
  | { key: string; type: 'string'; value: string }
  | { key: string; type: 'int'; value: number }
  | { key: string; type: 'double'; value: number }
  | { key: string; type: 'bool'; value: boolean }

export type Scope = { name: string; version: string }

/** One reporting process: a service instance with its resource attributes. */
export type Resource = { serviceIndex: number; instance: number; serviceName: string; hostName: string; attributes: readonly Attribute[] }

export type SimEvent = { timeUs: number; name: string; attributes: Attribute[] }

export type SimSpan = {
  spanId: string
  /** '' for a root; may name a span that is not in the trace (an orphan). */
  parentSpanId: string
  resource: Resource
  scope: Scope
  name: string
  kind: SpanKindNumber
  /** As reported, i.e. including the reporting host's clock offset. */
  startUs: number
  durationUs: number
  /** OTLP status code: 0 unset, 2 error. */
  statusCode: 0 | 2
  statusMessage: string
  /** Possibly shared with other spans: never mutate. */
  attributes: readonly Attribute[]
  events: readonly SimEvent[]
}

export type SimTrace = {
  traceId: string
  minute: number
  slot: number
  /** True (unskewed) start of the entry point's work; orders search results. */
  startUs: number
  /** When the last span has ended on every clock: the trace is returned only from then on. */
  visibleFromUs: number
  /** Emitted spans only, in generation (pre-)order. */
  spans: SimSpan[]
}

export const attributeString = (attribute: Attribute): string => String(attribute.value)

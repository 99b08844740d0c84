// One trace as the trace view shows it: every span with its attributes, events and resource, from
// either Jaeger API. The pipeline's lean Span (span.ts) drops these; opening a single trace keeps them.
import type { Span } from './span'

/** Scalars as they came; arrays and key-value lists rendered to JSON text. */
export type AttributeValue = string | number | boolean
export type Attribute = { key: string; value: AttributeValue }

/** An OTLP span event (a classic Jaeger log). */
export type SpanEvent = { timeUs: number; name: string; attributes: Attribute[] }

/** The pipeline's Span (so quality checks and the waterfall layout take it as is), plus what the view shows. */
export type DetailSpan = Span & {
  /** OTLP status message (or the classic `otel.status_description` tag); null when none. */
  statusMessage: string | null
  /** Span attributes (classic: tags). */
  attributes: Attribute[]
  /** Resource attributes (classic: process tags), `service.name` included. */
  resource: Attribute[]
  events: SpanEvent[]
}

/** A Trace (span.ts) whose spans carry their details. */
export type TraceDetail = {
  traceId: string
  /** Sorted by start time, then span id. */
  spans: DetailSpan[]
  /** Trace-level warnings (classic API). */
  warnings: string[]
}

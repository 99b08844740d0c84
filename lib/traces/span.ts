// Spanlens's own span model: what the pipeline needs of a span, whichever Jaeger API it came from.
// lib/jaeger/normalize.ts builds it once; everything downstream (quality, rollups) reads only this.

export const SPAN_KINDS = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'] as const
export type SpanKind = (typeof SPAN_KINDS)[number]

/** Span kinds whose spans are the work a service was asked to do: the requests and messages it handled. */
export const ENTRY_KINDS: ReadonlySet<string> = new Set<SpanKind>(['server', 'consumer'])

export type Span = {
  /** 32 lower-case hex digits (64-bit ids left-padded). */
  traceId: string
  /** 16 lower-case hex digits. */
  spanId: string
  /** The span this one is a child of in the same trace; null for a root. */
  parentSpanId: string | null
  /** The service that reported the span (OTLP `service.name`, classic `process.serviceName`). */
  service: string
  operation: string
  kind: SpanKind
  /** µs since the Unix epoch. */
  startUs: number
  durationUs: number
  /** OTLP status ERROR, or the classic `error` tag. */
  error: boolean
  /** True when the span carries an HTTP method: the population of the status-code coverage check. */
  isHttp: boolean
  /** `http.route` (server spans of instrumented frameworks). */
  httpRoute: string | null
  /** `http.response.status_code`, or the older `http.status_code`. */
  httpStatusCode: number | null
  serviceVersion: string | null
  /** Head sampler of the reporting process (`sampler.type` / `sampler.param`, Jaeger SDK tags). */
  samplerType: string | null
  samplerParam: number | null
  /** Jaeger's own remarks on the span (clock-skew adjuster, invalid parent, …). */
  warnings: string[]
  /**
   * Set when `service` or `operation` had characters Postgres cannot store, replaced as
   * lib/jaeger/clean-text.ts says; absent on every other span (nearly all of them).
   */
  textCleaned?: true
}

export type Trace = {
  traceId: string
  spans: Span[]
  /** Trace-level warnings (classic API). */
  warnings: string[]
}

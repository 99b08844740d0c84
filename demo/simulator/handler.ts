// The shape of the call graph (call-graph.ts): a handler (HTTP route, message consumer or batch job),
// the steps it runs, and the string keys that name a handler. selfMs and medianMs are medians of a
// log-normal; `probability` makes a step conditional.

export type HttpMethod = 'GET' | 'POST' | 'PUT'

export type HttpStep = {
  type: 'http'
  service: string
  method: HttpMethod
  route: string
  probability?: number
  critical?: boolean
  times?: readonly [number, number]
}
export type ExternalStep = {
  type: 'external'
  host: string
  method: HttpMethod
  route: string
  medianMs: number
  probability?: number
  critical?: boolean
}
export type DbStep = {
  type: 'db'
  system: 'postgresql' | 'redis' | 'clickhouse'
  namespace: string
  operation: string
  /** Table or key space; absent for redis. */
  collection?: string
  queryText: string
  medianMs: number
  probability?: number
}
export type PublishStep = { type: 'publish'; topic: string; consumers: readonly string[]; probability?: number }
export type InternalStep = { type: 'internal'; name: string; medianMs: number; probability?: number }
export type Step = HttpStep | ExternalStep | DbStep | PublishStep | InternalStep

export type Handler = {
  service: string
  kind: 'server' | 'consumer' | 'job'
  /** HTTP method and route template (server), topic (consumer) or job name. */
  method?: HttpMethod
  route?: string
  topic?: string
  job?: string
  selfMs: number
  /** Baseline probability that the handler fails on its own (5xx), outside error bursts. */
  errorRate: number
  /** Probability of answering 401 without doing the work (not an error on the server side). */
  rejectRate?: number
  /**
   * Share of deliveries whose trace id this consumer's (old) Kafka client fails to extract while it
   * keeps the parent span id: the span starts a trace of its own that names a parent the trace never
   * has, an orphan. Only this service's traces break; the producer's trace stays whole.
   */
  dropsTraceIdShare?: number
  /**
   * Share of requests arriving with a vendor's own `traceparent`, which the server's instrumentation
   * honours: the span's parent lives in the vendor's tracing, never in ours (the trace has no root).
   */
  foreignParentShare?: number
  steps: readonly Step[]
}

export const httpKey = (service: string, method: HttpMethod, route: string) => `${service} ${method} ${route}`
export const consumerKey = (service: string, topic: string) => `${service} process ${topic}`
export const jobKey = (service: string, job: string) => `${service} job ${job}`

export function handlerKey(handler: Handler): string {
  if (handler.kind === 'server') return httpKey(handler.service, handler.method!, handler.route!)
  if (handler.kind === 'consumer') return consumerKey(handler.service, handler.topic!)
  return jobKey(handler.service, handler.job!)
}

// GET /api/v3/* as Jaeger 2.20's HTTP gateway answers it (cmd/jaeger/internal/extension/jaegerquery/
// internal/apiv3/http_gateway.go): gogo jsonpb bodies (zero values and empty lists omitted, uint64 as
// strings) and errors as {"error":{"httpCode":…,"message":…}} written through Go's http.Error.
import { capSearchDepth } from '../simulator/find-traces'
import type { SimTrace } from '../simulator/simulated-trace'
import type { Simulator } from '../simulator/simulator'
import { goJson } from '../wire/go-json'
import { toOtlpResourceSpans } from '../wire/to-otlp'
import { toTraceSummary } from '../wire/to-trace-summary'
import { goHttpError, jsonResponse, type DemoResponse } from './demo-response'
import { goParseRfc3339Nano } from './go-time'
import type { UrlValues } from './go-url-values'
import { parseTraceIdParam } from './trace-id-param'
import {
  ceilUs,
  createParamReader,
  deprecationHeaders,
  floorUs,
  getQueryParam,
  parseOptionalBool,
  parseOptionalTime,
  parseV3FindTracesQuery,
  type ParamReader,
} from './v3-query'

/** tryHandleError: the GRPCGatewayError JSON, sent with http.Error's text/plain content type. */
export const v3Error = (status: number, message: string): DemoResponse =>
  goHttpError(goJson({ error: { httpCode: status, message } }), status)

const withDeprecation = (response: DemoResponse, reader: ParamReader): DemoResponse => ({
  ...response,
  headers: { ...response.headers, ...deprecationHeaders(reader) },
})

/** returnTraces: an empty result is a 404, not an empty list. */
function tracesResponse(traces: readonly SimTrace[], raw: boolean): DemoResponse {
  if (traces.length === 0) return v3Error(404, 'No traces found')
  return jsonResponse(goJson({ result: { resourceSpans: toOtlpResourceSpans(traces, raw) } }))
}

export function createV3Handlers(simulator: Simulator) {
  return {
    getServices(): DemoResponse {
      const services = simulator.listServices()
      return jsonResponse(goJson(services.length > 0 ? { services } : {}))
    },

    getOperations(values: UrlValues): DemoResponse {
      const reader = createParamReader(values)
      const spanKind = getQueryParam(reader, 'spanKind', 'span_kind').value
      const operations = simulator.listOperations(values.get('service'), spanKind)
      return withDeprecation(jsonResponse(goJson(operations.length > 0 ? { operations } : {})), reader)
    },

    findTraces(values: UrlValues, maxSearchDepth?: number): DemoResponse {
      const reader = createParamReader(values)
      const parsed = parseV3FindTracesQuery(reader)
      if (!parsed.ok) return v3Error(400, parsed.error)
      return withDeprecation(tracesResponse(simulator.findTraces(capSearchDepth(parsed.query, maxSearchDepth)), parsed.rawTraces), reader)
    },

    /** Summaries always come from adjusted traces; rawTraces is ignored here. */
    findTraceSummaries(values: UrlValues, maxSearchDepth?: number): DemoResponse {
      const reader = createParamReader(values)
      const parsed = parseV3FindTracesQuery(reader)
      if (!parsed.ok) return v3Error(400, parsed.error)
      const summaries = simulator.findTraces(capSearchDepth(parsed.query, maxSearchDepth)).map(toTraceSummary)
      return withDeprecation(jsonResponse(goJson(summaries.length > 0 ? { summaries } : {})), reader)
    },

    getTrace(traceIdParam: string, values: UrlValues): DemoResponse {
      const traceId = parseTraceIdParam(traceIdParam)
      if (!traceId.ok) return v3Error(400, `malformed parameter trace_id: ${traceId.error}`)
      const reader = createParamReader(values)
      // startTime/endTime only narrow where storage looks; the id alone locates a demo trace.
      for (const [canonical, deprecated] of [
        ['startTime', 'start_time'],
        ['endTime', 'end_time'],
      ] as const) {
        const time = parseOptionalTime(reader, canonical, deprecated)
        if (!time.ok) return v3Error(400, time.error)
      }
      const raw = parseOptionalBool(reader, 'rawTraces', 'raw_traces')
      if (!raw.ok) return v3Error(400, raw.error)
      const trace = simulator.getTrace(traceId.hex)
      return withDeprecation(tracesResponse(trace ? [trace] : [], raw.value ?? false), reader)
    },

    /** Errors here name the canonical parameter even when the deprecated alias was sent. */
    getDependencies(values: UrlValues): DemoResponse {
      const reader = createParamReader(values)
      const start = getQueryParam(reader, 'startTime', 'start_time').value
      const end = getQueryParam(reader, 'endTime', 'end_time').value
      if (start === '') return v3Error(400, 'missing required parameter: startTime')
      if (end === '') return v3Error(400, 'missing required parameter: endTime')
      const startNs = goParseRfc3339Nano(start)
      if (!startNs.ok) return v3Error(400, `malformed parameter startTime: ${startNs.error}`)
      const endNs = goParseRfc3339Nano(end)
      if (!endNs.ok) return v3Error(400, `malformed parameter endTime: ${endNs.error}`)
      if (!(endNs.value > startNs.value)) return v3Error(400, 'endTime must be after startTime')
      const dependencies = simulator
        .dependencies(ceilUs(startNs.value), floorUs(endNs.value))
        .map((link) => ({ parent: link.parent, child: link.child, callCount: String(link.callCount) }))
      return withDeprecation(jsonResponse(goJson(dependencies.length > 0 ? { dependencies } : {})), reader)
    },
  }
}

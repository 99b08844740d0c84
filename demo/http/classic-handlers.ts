// GET /api/* (the classic JSON API the Jaeger UI uses) as Jaeger 2.20's APIHandler answers it
// (cmd/jaeger/internal/extension/jaegerquery/internal/http_handler.go): every body is the
// structuredResponse envelope {data,total,limit,offset,errors}; errors go through Go's http.Error.
import { capSearchDepth } from '../simulator/find-traces'
import type { Simulator } from '../simulator/simulator'
import { goJson } from '../wire/go-json'
import { toClassicTrace } from '../wire/to-classic'
import { parseClassicBool, parseClassicDependenciesQuery, parseClassicTime, parseClassicTraceQuery } from './classic-query'
import { goHttpError, jsonResponse, type DemoResponse } from './demo-response'
import { goQueryUnescape, type UrlValues } from './go-url-values'
import { parseTraceIdParam } from './trace-id-param'

type StructuredError = { code?: number; msg: string; traceID?: string }

/** writeJSON: compact, or indented by 4 spaces when prettyPrint is set to anything but "false". */
function envelope(values: UrlValues, data: unknown, options: { total?: number; errors?: StructuredError[] } = {}): DemoResponse {
  const prettyPrint = values.get('prettyPrint')
  const body = { data, total: options.total ?? 0, limit: 0, offset: 0, errors: options.errors ?? null }
  return jsonResponse(goJson(body, prettyPrint !== '' && prettyPrint !== 'false' ? '    ' : undefined))
}

/** handleError: the envelope with data null and one error carrying the status code. */
export const classicError = (status: number, message: string): DemoResponse =>
  goHttpError(goJson({ data: null, total: 0, limit: 0, offset: 0, errors: [{ code: status, msg: message }] }), status)

export function createClassicHandlers(simulator: Simulator) {
  return {
    getServices(values: UrlValues): DemoResponse {
      const services = simulator.listServices()
      return envelope(values, services, { total: services.length })
    },

    /** /api/services/{service}/operations: unique names of every kind; null when there are none. */
    getOperationsLegacy(serviceParam: string, values: UrlValues): DemoResponse {
      const names = [...new Set(simulator.listOperations(goQueryUnescape(serviceParam) ?? '').map((operation) => operation.name))]
      return envelope(values, names.length > 0 ? names : null, { total: names.length })
    },

    getOperations(values: UrlValues): DemoResponse {
      const service = values.get('service')
      if (service === '') return classicError(400, "parameter 'service' is required")
      const operations = simulator.listOperations(service, values.get('spanKind'))
      return envelope(values, operations, { total: operations.length })
    },

    /** A search by traceID is a lookup: maxSearchDepth caps only searches by service and time. */
    search(values: UrlValues, maxSearchDepth?: number): DemoResponse {
      const parsed = parseClassicTraceQuery(values, simulator.nowUs())
      if (!parsed.ok) return classicError(400, parsed.error)
      const { query, traceIds, raw } = parsed.value
      if (traceIds.length === 0)
        return envelope(
          values,
          simulator.findTraces(capSearchDepth(query, maxSearchDepth)).map((trace) => toClassicTrace(trace, raw)),
        )
      const found = traceIds.map((id) => simulator.getTrace(id))
      const errors = traceIds.flatMap((id, index) => (found[index] ? [] : [{ msg: 'trace not found', traceID: id }]))
      return envelope(
        values,
        found.flatMap((trace) => (trace ? [toClassicTrace(trace, raw)] : [])),
        { errors: errors.length > 0 ? errors : undefined },
      )
    },

    getTrace(traceIdParam: string, values: UrlValues): DemoResponse {
      const traceId = parseTraceIdParam(traceIdParam)
      if (!traceId.ok) return classicError(400, traceId.error)
      // start/end only narrow where storage looks; a malformed one is still a 400.
      for (const param of ['start', 'end']) {
        const time = parseClassicTime(values, param, 1, 0)
        if (!time.ok) return classicError(400, time.error)
      }
      const raw = parseClassicBool(values, 'raw')
      if (!raw.ok) return classicError(400, raw.error)
      const trace = simulator.getTrace(traceId.hex)
      if (!trace) return classicError(404, 'trace not found')
      return envelope(values, [toClassicTrace(trace, raw.value)])
    },

    dependencies(values: UrlValues): DemoResponse {
      const parsed = parseClassicDependenciesQuery(values, simulator.nowUs())
      if (!parsed.ok) return classicError(400, parsed.error)
      const { endUs, lookbackUs } = parsed.value
      const service = values.get('service')
      const links = simulator
        .dependencies(endUs - lookbackUs, endUs)
        .filter((link) => service === '' || link.parent === service || link.child === service)
      return envelope(values, links)
    },
  }
}

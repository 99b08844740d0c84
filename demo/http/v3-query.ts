// api/v3 query parameters, parsed as Jaeger 2.20 does (apiv3/query_parser.go, parseFindTracesQuery):
// canonical camelCase names with the deprecated snake_case aliases, each malformed value reported as
// "malformed parameter <the name that was sent>: <Go's parse error>".
import type { TraceQuery } from '../simulator/find-traces'
import { goUnmarshalStringMap } from './go-json-map'
import { goAtoi, goParseBool, type GoParsed } from './go-strconv'
import { goParseDuration, goParseRfc3339Nano } from './go-time'
import type { UrlValues } from './go-url-values'

export const DEFAULT_SEARCH_DEPTH = 100

/** Query values plus the deprecated aliases a request actually relied on (for Deprecation headers). */
export type ParamReader = { values: UrlValues; deprecatedUsed: string[] }

export const createParamReader = (values: UrlValues): ParamReader => ({ values, deprecatedUsed: [] })

/** The value and the name it was found under: the canonical name wins over its deprecated alias. */
export function getQueryParam(reader: ParamReader, canonical: string, deprecated: string): { value: string; name: string } {
  const value = reader.values.get(canonical)
  if (value !== '') return { value, name: canonical }
  const alias = reader.values.get(deprecated)
  if (alias !== '' && !reader.deprecatedUsed.includes(deprecated)) reader.deprecatedUsed.push(deprecated)
  return { value: alias, name: deprecated }
}

/**
 * Headers announcing the removal of snake_case aliases (apiv3/deprecation.go). Go writes them only
 * on responses sent after parsing succeeded: on a 400 the error is already written.
 */
export function deprecationHeaders(reader: ParamReader): Record<string, string> {
  if (reader.deprecatedUsed.length === 0) return {}
  return {
    Deprecation: 'true',
    Sunset: 'Mon, 01 Nov 2026 00:00:00 GMT',
    Link: '<https://github.com/jaegertracing/jaeger/blob/main/docs/apis/api_v3_http.md>; rel="deprecation"',
    'Deprecated-Params': reader.deprecatedUsed.join(','),
  }
}

export type ParsedV3Query = { ok: true; query: TraceQuery; rawTraces: boolean } | { ok: false; error: string }

const malformed = (name: string, error: string) => ({ ok: false as const, error: `malformed parameter ${name}: ${error}` })

/** ns since the epoch → the µs bounds that keep "span start (µs) within [min, max] (ns)" exact. */
export const ceilUs = (ns: bigint) => Number(ns / 1000n + (ns % 1000n > 0n ? 1n : 0n))
export const floorUs = (ns: bigint) => Number(ns / 1000n - (ns % 1000n < 0n ? 1n : 0n))

function parseOptional<T>(
  reader: ParamReader,
  canonical: string,
  deprecated: string,
  parse: (text: string) => GoParsed<T>,
): { ok: true; value?: T } | { ok: false; error: string } {
  const { value, name } = getQueryParam(reader, canonical, deprecated)
  if (value === '') return { ok: true }
  const parsed = parse(value)
  return parsed.ok ? parsed : malformed(name, parsed.error)
}

export function parseV3FindTracesQuery(reader: ParamReader): ParsedV3Query {
  const serviceName = getQueryParam(reader, 'query.serviceName', 'query.service_name').value
  const operationName = getQueryParam(reader, 'query.operationName', 'query.operation_name').value
  let attributes = new Map<string, string>()
  const attributesParam = reader.values.get('query.attributes')
  if (attributesParam !== '') {
    const parsed = goUnmarshalStringMap(attributesParam)
    if (!parsed.ok) return malformed('query.attributes', parsed.error)
    attributes = parsed.value
  }

  const timeMin = getQueryParam(reader, 'query.startTimeMin', 'query.start_time_min')
  const timeMax = getQueryParam(reader, 'query.startTimeMax', 'query.start_time_max')
  if (timeMin.value === '' || timeMax.value === '') return { ok: false, error: 'query.startTimeMin and query.startTimeMax are required' }
  const minNs = goParseRfc3339Nano(timeMin.value)
  if (!minNs.ok) return malformed(timeMin.name, minNs.error)
  const maxNs = goParseRfc3339Nano(timeMax.value)
  if (!maxNs.ok) return malformed(timeMax.name, maxNs.error)
  if (!(minNs.value < maxNs.value)) return { ok: false, error: 'query.startTimeMin must be before query.startTimeMax' }

  // query.num_traces is read only when neither spelling of query.searchDepth is present.
  let depth = getQueryParam(reader, 'query.searchDepth', 'query.search_depth')
  if (depth.value === '') {
    depth = { value: reader.values.get('query.num_traces'), name: 'query.num_traces' }
    if (depth.value !== '') reader.deprecatedUsed.push('query.num_traces')
  }
  let searchDepth = DEFAULT_SEARCH_DEPTH
  if (depth.value !== '') {
    const parsed = goAtoi(depth.value)
    if (!parsed.ok) return malformed(depth.name, parsed.error)
    searchDepth = parsed.value
  }

  const durationMin = parseOptional(reader, 'query.durationMin', 'query.duration_min', goParseDuration)
  if (!durationMin.ok) return durationMin
  const durationMax = parseOptional(reader, 'query.durationMax', 'query.duration_max', goParseDuration)
  if (!durationMax.ok) return durationMax
  const rawTraces = parseOptional(reader, 'query.rawTraces', 'query.raw_traces', goParseBool)
  if (!rawTraces.ok) return rawTraces

  return {
    ok: true,
    rawTraces: rawTraces.value ?? false,
    query: {
      serviceName,
      operationName,
      startTimeMinUs: ceilUs(minNs.value),
      startTimeMaxUs: floorUs(maxNs.value),
      durationMinNs: durationMin.value === undefined ? undefined : Number(durationMin.value),
      durationMaxNs: durationMax.value === undefined ? undefined : Number(durationMax.value),
      attributes,
      searchDepth,
    },
  }
}

/** startTime / endTime of GetTrace and GetDependencies: absent is fine, malformed is a 400. */
export function parseOptionalTime(reader: ParamReader, canonical: string, deprecated: string) {
  return parseOptional(reader, canonical, deprecated, goParseRfc3339Nano)
}

/** rawTraces of GetTrace. */
export function parseOptionalBool(reader: ParamReader, canonical: string, deprecated: string) {
  return parseOptional(reader, canonical, deprecated, goParseBool)
}

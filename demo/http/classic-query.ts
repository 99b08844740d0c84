// Classic /api query parameters, parsed as Jaeger's queryParser does (cmd/jaeger/internal/extension/
// jaegerquery/internal/query_parser.go): µs times for search, ms for dependencies, Go duration strings
// for min/maxDuration, and the same validation messages.
import type { TraceQuery } from '../simulator/find-traces'
import { goUnmarshalStringMap } from './go-json-map'
import { goParseBool, goParseInt } from './go-strconv'
import { goParseDuration } from './go-time'
import type { UrlValues } from './go-url-values'
import { parseTraceIdParam } from './trace-id-param'

export const DEFAULT_QUERY_LIMIT = 100
/** A search without `start` looks back this far from now (defaultTraceQueryLookbackDuration). */
export const DEFAULT_TRACE_LOOKBACK_US = 2 * 24 * 3600 * 1_000_000
/** Dependencies without `lookback` cover this much before endTs (default_params.go). */
export const DEFAULT_DEPENDENCY_LOOKBACK_MS = 24 * 3600 * 1000

type Failure = { ok: false; error: string }
const parseError = (param: string, error: string): Failure => ({ ok: false, error: `unable to parse param '${param}': ${error}` })

/** parseTime: an integer count of `unitUs` since the epoch, in µs; absent → the given default. */
export function parseClassicTime(
  values: UrlValues,
  param: string,
  unitUs: number,
  defaultUs: number,
): { ok: true; value: number } | Failure {
  const text = values.get(param)
  if (text === '') return { ok: true, value: defaultUs }
  const parsed = goParseInt(text, 64)
  return parsed.ok ? { ok: true, value: Number(parsed.value) * unitUs } : parseError(param, parsed.error)
}

export function parseClassicBool(values: UrlValues, param: string): { ok: true; value: boolean } | Failure {
  const text = values.get(param)
  if (text === '') return { ok: true, value: false }
  const parsed = goParseBool(text)
  return parsed.ok ? parsed : parseError(param, parsed.error)
}

function parseTags(values: UrlValues): { ok: true; value: Map<string, string> } | Failure {
  const tags = new Map<string, string>()
  for (const tag of values.all('tag')) {
    const [key, ...rest] = tag.split(':')
    if (rest.length === 0) return { ok: false, error: `malformed 'tag' parameter, expecting key:value, received: ${tag}` }
    tags.set(key!, rest.join(':'))
  }
  for (const json of values.all('tags')) {
    const parsed = goUnmarshalStringMap(json)
    if (!parsed.ok) return { ok: false, error: `malformed 'tags' parameter, cannot unmarshal JSON: ${parsed.error}` }
    for (const [key, value] of parsed.value) tags.set(key, value)
  }
  return { ok: true, value: tags }
}

export type ClassicTraceQuery = { query: TraceQuery; traceIds: string[]; raw: boolean }

/** parseTraceQueryParams followed by validateQuery; `lookback` is the UI's business and is ignored. */
export function parseClassicTraceQuery(values: UrlValues, nowUs: number): { ok: true; value: ClassicTraceQuery } | Failure {
  const start = parseClassicTime(values, 'start', 1, nowUs - DEFAULT_TRACE_LOOKBACK_US)
  if (!start.ok) return start
  const end = parseClassicTime(values, 'end', 1, nowUs)
  if (!end.ok) return end
  const tags = parseTags(values)
  if (!tags.ok) return tags
  let limit = DEFAULT_QUERY_LIMIT
  if (values.get('limit') !== '') {
    const parsed = goParseInt(values.get('limit'), 32)
    if (!parsed.ok) return parsed // returned unwrapped: the message does not name the parameter
    limit = Number(parsed.value)
  }
  const durations: (number | undefined)[] = []
  for (const param of ['minDuration', 'maxDuration']) {
    const text = values.get(param)
    const parsed = text === '' ? undefined : goParseDuration(text)
    if (parsed && !parsed.ok) return parseError(param, parsed.error)
    durations.push(parsed ? Number(parsed.value) : undefined)
  }
  const traceIds: string[] = []
  for (const id of values.all('traceID')) {
    const parsed = parseTraceIdParam(id)
    if (!parsed.ok) return { ok: false, error: `cannot parse traceID param: ${parsed.error}` }
    traceIds.push(parsed.hex)
  }
  const raw = parseClassicBool(values, 'raw')
  if (!raw.ok) return raw

  const service = values.get('service')
  const [durationMinNs, durationMaxNs] = durations
  if (traceIds.length === 0 && service === '') return { ok: false, error: "parameter 'service' is required" }
  if (limit <= 0) return { ok: false, error: 'invalid parameter: limit must be greater than 0' }
  if (start.value > end.value) return { ok: false, error: 'invalid parameter: start time must be before end time' }
  if (durationMinNs && durationMaxNs && durationMaxNs < durationMinNs)
    return { ok: false, error: "'maxDuration' should be greater than 'minDuration'" }
  return {
    ok: true,
    value: {
      query: {
        serviceName: service,
        operationName: values.get('operation'),
        startTimeMinUs: start.value,
        startTimeMaxUs: end.value,
        durationMinNs,
        durationMaxNs,
        attributes: tags.value,
        searchDepth: limit,
      },
      traceIds,
      raw: raw.value,
    },
  }
}

/** parseDependenciesQueryParams: endTs in ms (default now), lookback in ms (default 24 h). */
export function parseClassicDependenciesQuery(
  values: UrlValues,
  nowUs: number,
): { ok: true; value: { endUs: number; lookbackUs: number } } | Failure {
  const end = parseClassicTime(values, 'endTs', 1000, nowUs)
  if (!end.ok) return end
  const lookback = parseClassicTime(values, 'lookback', 1000, DEFAULT_DEPENDENCY_LOOKBACK_MS * 1000)
  if (!lookback.ok) return lookback
  return { ok: true, value: { endUs: end.value, lookbackUs: lookback.value } }
}

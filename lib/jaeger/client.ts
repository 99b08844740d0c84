// Talks to a real Jaeger (≥ 1.25) or the demo Jaeger: detects which query API it offers (api/v3 since
// 1.35 and in all of 2.x; the classic /api search, gone from Jaeger after 2.20), searches with
// timeouts and bounded retries (backoff with jitter), and returns spans normalised once; opens one
// trace whole for the trace view. Names are searched for as Jaeger knows them (jaeger-names.ts).
import type { Trace } from '@/lib/traces/span'
import { computeSlowTraces, computeSlowTraceSearchDepth, type SlowTrace, type SlowTraceSearch } from '@/lib/traces/slow-traces'
import type { TraceDetail } from '@/lib/traces/trace-detail'
import { computeBackoffMs, REQUEST_BACKOFF } from '@/lib/retry/backoff'
import { normalizeTraceId } from './ids'
import { jaegerEndpoint } from './jaeger-endpoint'
import { JaegerNames, mayBeCleaned } from './jaeger-names'
import type { Normalized } from './normalize'
import { normalizeClassic } from './normalize-classic'
import { normalizeClassicDetail, normalizeV3Detail, type NormalizedDetail } from './normalize-detail'
import { normalizeV3 } from './normalize-v3'
import {
  parseClassicNames,
  parseClassicOperations,
  parseClassicTraces,
  parseV3Operations,
  parseV3Services,
  parseV3Traces,
  type RejectedRecord,
} from './parse'

export type JaegerApi = 'v3' | 'classic'

export type JaegerClientOptions = {
  baseUrl: string
  timeoutMs: number
  /** Retries after the first attempt, for network errors, timeouts, 5xx, 429 and unreadable bodies. */
  retries?: number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

export type TraceSearch = { service: string; startUs: number; endUs: number; limit: number }
export type SearchResult = { traces: Trace[]; rejected: RejectedRecord[]; bytes: number; api: JaegerApi }
/**
 * Search filters beyond service and time (searchTraces uses none of them). `tags`: Jaeger matches each
 * against a span's tags, its process's (resource attributes, as `service.version`) and its logs' fields.
 */
type SpanFilters = { operation?: string; minDurationUs?: number; tags?: Readonly<Record<string, string>> }
/** One request to Jaeger's trace search, its names as Jaeger knows them. */
type JaegerSearch = TraceSearch & SpanFilters

/** A trace as the trace view opens it; `rejected`: records Jaeger sent that could not be read (skipped). */
export type TraceLookup = { trace: TraceDetail; rejected: RejectedRecord[] }
export type SlowTraceQuery = SlowTraceSearch & { startUs: number; endUs: number }
/** `searched`: traces Jaeger returned; `rejected`: records skipped among them. */
export type SlowTraceResult = { traces: SlowTrace[]; searched: number; rejected: number }

/** A request that failed after its retries, or that retrying cannot fix (a 4xx). */
export class JaegerRequestError extends Error {
  constructor(
    readonly endpoint: string,
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
  ) {
    super(`${endpoint}: ${message}`)
    this.name = 'JaegerRequestError'
  }
}

/** A Go duration (time.ParseDuration) in whole µs, rounded down: Jaeger's filter never excludes what ours keeps. */
const goDurationUs = (us: number) => `${Math.max(0, Math.floor(us))}us`

/** RFC 3339 with µs, as Jaeger's Go time parsing accepts: 2026-11-24T09:00:00.000123Z. */
export function rfc3339Micros(us: number): string {
  const seconds = Math.floor(us / 1_000_000)
  const micros = String(us - seconds * 1_000_000).padStart(6, '0')
  return `${new Date(seconds * 1000).toISOString().slice(0, 19)}.${micros}Z`
}

type Response = { status: number; body: unknown; bytes: number }

function describeFailure(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out'
  const code = (error as { cause?: { code?: string } }).cause?.code
  return error instanceof Error ? `${error.message}${code ? ` (${code})` : ''}` : String(error)
}

/** Answers to several searches as one: a trace found by more than one is kept once (each answer holds it whole). */
function mergeResults(results: readonly SearchResult[]): SearchResult {
  if (results.length === 1) return results[0]!
  const traces = new Map<string, Trace>()
  for (const result of results) for (const trace of result.traces) if (!traces.has(trace.traceId)) traces.set(trace.traceId, trace)
  return {
    traces: [...traces.values()],
    rejected: results.flatMap((result) => result.rejected),
    bytes: results.reduce((sum, result) => sum + result.bytes, 0),
    api: results[0]!.api,
  }
}

/** A trace response read for the trace view; records rejected by the schemas or the normaliser, together. */
function readTraceDetails(api: JaegerApi, body: unknown, endpoint: string): NormalizedDetail {
  if (api === 'v3') {
    const parsed = parseV3Traces(body, endpoint)
    const normalized = normalizeV3Detail(parsed.records)
    return { traces: normalized.traces, rejected: [...parsed.rejected, ...normalized.rejected] }
  }
  const parsed = parseClassicTraces(body, endpoint)
  const normalized = normalizeClassicDetail(parsed.records)
  return { traces: normalized.traces, rejected: [...parsed.rejected, ...normalized.rejected] }
}

export class JaegerClient {
  private apiPromise: Promise<JaegerApi> | undefined
  private readonly baseUrl: string
  private readonly headers: Record<string, string>
  private readonly retries: number
  private readonly sleep: (ms: number) => Promise<void>
  /** Jaeger's last services list; null until one is read. */
  private serviceNames: JaegerNames | null = null

  constructor(private readonly options: JaegerClientOptions) {
    const endpoint = jaegerEndpoint(options.baseUrl)
    this.baseUrl = endpoint.baseUrl
    this.headers = { accept: 'application/json', ...(endpoint.authorization ? { authorization: endpoint.authorization } : {}) }
    this.retries = options.retries ?? 2
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
  }

  /** api/v3 when served, else the classic API; remembered once known. */
  api(): Promise<JaegerApi> {
    this.apiPromise ??= this.request('/api/v3/services', {}, { notFoundIsAnswer: true }).then(async (v3) => {
      if (v3.status === 200) return 'v3' as const
      await this.request('/api/services', {})
      return 'classic' as const
    })
    this.apiPromise.catch(() => (this.apiPromise = undefined))
    return this.apiPromise
  }

  /**
   * Service names as spans of each will carry them (clean-text.ts), once each: they become Service and
   * SyncState keys. Remembers which names Jaeger listed for each, until the next list: searches use those.
   */
  async listServices(): Promise<string[]> {
    return (await this.readServiceNames()).cleaned()
  }

  /**
   * Traces with a span of `service` starting in [startUs, endUs), at most `limit` of them (no pagination
   * exists). A service whose listed names cleaned alike is searched once per name, each with `limit`,
   * and the answers merged: they hold `limit` traces or more whenever one was full, so a caller taking
   * that as "maybe incomplete" (run-window) still splits or samples.
   */
  async searchTraces(search: TraceSearch): Promise<SearchResult> {
    return this.searchEach((await this.originalServices(search.service)).map((service) => ({ ...search, service })))
  }

  /**
   * One trace with every attribute, event and resource; null when Jaeger does not have it. Spans that
   * cannot be read are skipped and listed in `rejected`, so a partly broken trace still opens.
   */
  async getTrace(traceId: string): Promise<TraceLookup | null> {
    const api = await this.api()
    const path = `${api === 'v3' ? '/api/v3/traces' : '/api/traces'}/${encodeURIComponent(traceId)}`
    // 404: v3 "No traces found", classic "trace not found".
    const response = await this.request(path, {}, { notFoundIsAnswer: true })
    if (response.status === 404) return null
    const { traces, rejected } = readTraceDetails(api, response.body, path)
    // A 200 whose every span was rejected: the trace exists, with nothing readable in it.
    return { trace: traces[0] ?? { traceId: normalizeTraceId(traceId), spans: [], warnings: [] }, rejected }
  }

  /**
   * The slowest recent traces of an operation, or of a version of the service (a canary's, searched by
   * the `service.version` tag), by the slowest matching span in each (lib/traces/slow-traces.ts).
   */
  async findSlowTraces({ startUs, endUs, ...search }: SlowTraceQuery): Promise<SlowTraceResult> {
    const searches: JaegerSearch[] = []
    for (const service of await this.originalServices(search.service)) {
      const operations = search.operation === undefined ? [undefined] : await this.originalOperations(service, search.operation)
      for (const operation of operations) {
        searches.push({
          service,
          operation,
          startUs,
          endUs,
          minDurationUs: search.minDurationUs,
          tags: search.version === undefined ? undefined : { 'service.version': search.version },
          limit: computeSlowTraceSearchDepth(search.limit),
        })
      }
    }
    const found = await this.searchEach(searches)
    return { traces: computeSlowTraces(found.traces, search), searched: found.traces.length, rejected: found.rejected.length }
  }

  private async readServiceNames(): Promise<JaegerNames> {
    const names =
      (await this.api()) === 'v3'
        ? parseV3Services((await this.request('/api/v3/services', {})).body)
        : parseClassicNames((await this.request('/api/services', {})).body)
    this.serviceNames = new JaegerNames(names)
    return this.serviceNames
  }

  /**
   * The names Jaeger knows for a stored service name, from the last services list. With none read yet
   * (the pages' client, a worker whose list failed) it is read first, rather than search by a cleaned
   * name and find nothing (a sync would commit that window empty).
   */
  private async originalServices(service: string): Promise<readonly string[]> {
    if (!mayBeCleaned(service)) return [service]
    return (this.serviceNames ?? (await this.readServiceNames())).originalsOf(service)
  }

  /** The names Jaeger knows for a stored operation name of `service` (as Jaeger names it), listed only if it may have been cleaned. */
  private async originalOperations(service: string, operation: string): Promise<readonly string[]> {
    if (!mayBeCleaned(operation)) return [operation]
    const operations =
      (await this.api()) === 'v3'
        ? parseV3Operations((await this.request('/api/v3/operations', { service })).body)
        : parseClassicOperations((await this.request('/api/operations', { service })).body)
    return new JaegerNames(operations.map((listed) => listed.name)).originalsOf(operation)
  }

  /** One after another (a rare case: names that cleaned alike), not to load Jaeger with parallel searches. */
  private async searchEach(searches: readonly JaegerSearch[]): Promise<SearchResult> {
    const results: SearchResult[] = []
    for (const search of searches) results.push(await this.search(search))
    return mergeResults(results)
  }

  private async search({ service, startUs, endUs, limit, operation, minDurationUs, tags }: JaegerSearch): Promise<SearchResult> {
    const api = await this.api()
    // A JSON object of strings, both APIs: classic `tags`, api/v3 `query.attributes`.
    const tagsJson = tags && Object.keys(tags).length > 0 ? JSON.stringify(tags) : undefined
    if (api === 'v3') {
      // snake_case names: the only ones Jaeger 1.35–1.52 knows, still accepted (as aliases) by 2.x.
      const response = await this.request(
        '/api/v3/traces',
        {
          'query.service_name': service,
          ...(operation ? { 'query.operation_name': operation } : {}),
          'query.start_time_min': rfc3339Micros(startUs),
          'query.start_time_max': rfc3339Micros(endUs),
          ...(minDurationUs ? { 'query.duration_min': goDurationUs(minDurationUs) } : {}),
          ...(tagsJson ? { 'query.attributes': tagsJson } : {}),
          'query.num_traces': String(limit),
        },
        { notFoundIsAnswer: true },
      )
      if (response.status === 404) return { traces: [], rejected: [], bytes: response.bytes, api } // "No traces found"
      const parsed = parseV3Traces(response.body)
      return this.result(normalizeV3(parsed.records), parsed.rejected, response.bytes, api)
    }
    const response = await this.request('/api/traces', {
      service,
      ...(operation ? { operation } : {}),
      start: String(startUs),
      end: String(endUs),
      ...(minDurationUs ? { minDuration: goDurationUs(minDurationUs) } : {}),
      ...(tagsJson ? { tags: tagsJson } : {}),
      limit: String(limit),
    })
    const parsed = parseClassicTraces(response.body)
    return this.result(normalizeClassic(parsed.records), parsed.rejected, response.bytes, api)
  }

  private result(normalized: Normalized, parseRejected: RejectedRecord[], bytes: number, api: JaegerApi): SearchResult {
    return { traces: normalized.traces, rejected: [...parseRejected, ...normalized.rejected], bytes, api }
  }

  private async request(path: string, query: Record<string, string>, { notFoundIsAnswer = false } = {}): Promise<Response> {
    const url = `${this.baseUrl}${path}${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`
    let lastError: JaegerRequestError | undefined
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) await this.sleep(computeBackoffMs(attempt - 1, REQUEST_BACKOFF, this.options.random))
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(this.options.timeoutMs), headers: this.headers })
        const text = await response.text()
        if (response.status === 404 && notFoundIsAnswer) return { status: 404, body: null, bytes: text.length }
        if (response.status >= 500 || response.status === 429) {
          lastError = new JaegerRequestError(path, `answered ${response.status}: ${text.slice(0, 200).trim()}`, response.status, true)
          continue
        }
        if (response.status !== 200)
          throw new JaegerRequestError(path, `answered ${response.status}: ${text.slice(0, 200).trim()}`, response.status, false)
        try {
          return { status: 200, body: JSON.parse(text), bytes: text.length }
        } catch {
          lastError = new JaegerRequestError(path, `answered with a body that is not JSON (${text.length} bytes)`, 200, true)
        }
      } catch (error) {
        if (error instanceof JaegerRequestError) throw error
        lastError = new JaegerRequestError(path, describeFailure(error), null, true)
      }
    }
    throw lastError ?? new JaegerRequestError(path, 'no attempt was made', null, true)
  }
}

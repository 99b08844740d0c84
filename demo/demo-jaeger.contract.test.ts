// Contract: the demo Jaeger, over real HTTP, answers every endpoint in a shape lib/jaeger/parse.ts
// accepts with no record rejected, and answers bad requests with Jaeger's own status, content type
// and body.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  parseClassicDependencies,
  parseClassicNames,
  parseClassicOperations,
  parseClassicTraces,
  parseV3Dependencies,
  parseV3Operations,
  parseV3Services,
  parseV3TraceSummaries,
  parseV3Traces,
} from '../lib/jaeger/parse'
import { startDemoJaeger, type DemoJaeger } from './start-demo-jaeger'

const ANCHOR = new Date('2025-11-20T12:00:00Z')
const NOW_MS = ANCHOR.getTime() + 30 * 60_000
const iso = (ms: number) => new Date(ms).toISOString()
const WINDOW = `query.startTimeMin=${iso(NOW_MS - 10 * 60_000)}&query.startTimeMax=${iso(NOW_MS)}`

let demo: DemoJaeger
beforeAll(async () => {
  demo = await startDemoJaeger({ port: 0, anchor: ANCHOR, now: () => NOW_MS })
})
afterAll(() => demo.close())

async function get(path: string) {
  const response = await fetch(demo.url + path)
  const text = await response.text()
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    headers: response.headers,
    text,
    json: () => JSON.parse(text) as unknown,
  }
}

async function ok(path: string) {
  const response = await get(path)
  expect(response.status, response.text).toBe(200)
  expect(response.contentType).toBe('application/json')
  return response.json()
}

describe('api/v3', () => {
  test('services: rolled-out and discovered services, not the ones still to come', async () => {
    const services = parseV3Services(await ok('/api/v3/services'))
    expect(services).toContain('payment-gateway')
    expect(services).toContain('sanctions-screening-service')
    expect(services).not.toContain('loan-service')
    expect(services).toHaveLength(19)
  })

  test('operations, filtered by spanKind or by its deprecated alias span_kind', async () => {
    const all = parseV3Operations(await ok('/api/v3/operations?service=transactions-service'))
    expect(all).toContainEqual({ name: 'SELECT transactions', spanKind: 'client' })
    const servers = parseV3Operations(await ok('/api/v3/operations?service=transactions-service&spanKind=server'))
    expect(servers.map((operation) => operation.name)).toEqual(['GET /transactions', 'POST /transactions'])
    const deprecated = await get('/api/v3/operations?service=transactions-service&span_kind=server')
    expect(parseV3Operations(deprecated.json())).toEqual(servers)
    expect(deprecated.headers.get('deprecated-params')).toBe('span_kind')
    expect(await ok('/api/v3/operations?service=loan-service')).toEqual({})
  })

  test('traces: OTLP JSON with hex ids, numeric kinds, ns strings; adjusted unless rawTraces', async () => {
    const body = await ok(`/api/v3/traces?query.serviceName=payment-gateway&${WINDOW}&query.searchDepth=5`)
    const parsed = parseV3Traces(body)
    expect(parsed.rejected).toEqual([])
    expect(new Set(parsed.records.map((record) => record.span.traceId)).size).toBe(5)
    const first = parsed.records[0]!.span
    expect(first.traceId).toMatch(/^[0-9a-f]{32}$/)
    expect(first.startTimeUnixNano).toMatch(/^\d{19}$/)
    expect(typeof first.kind).toBe('number')
    const warned = parsed.records.filter((record) => record.span.attributes?.some((attribute) => attribute.key === '@jaeger@warnings'))
    expect(warned.length).toBeGreaterThan(0)
    const raw = parseV3Traces(
      await ok(`/api/v3/traces?query.serviceName=payment-gateway&${WINDOW}&query.searchDepth=5&query.rawTraces=true`),
    )
    expect(raw.records.some((record) => record.span.attributes?.some((attribute) => attribute.key === '@jaeger@warnings'))).toBe(false)
    expect(raw.records).toHaveLength(parsed.records.length)
  })

  test('the deprecated snake_case search parameters still work', async () => {
    const snake = `query.service_name=payment-gateway&query.start_time_min=${iso(NOW_MS - 600_000)}&query.start_time_max=${iso(NOW_MS)}&query.num_traces=3`
    const response = await get(`/api/v3/traces?${snake}`)
    expect(response.status).toBe(200)
    expect(new Set(parseV3Traces(response.json()).records.map((record) => record.span.traceId)).size).toBe(3)
    expect(response.headers.get('deprecation')).toBe('true')
  })

  test('searchDepth caps the traces returned, newest first, with no pagination', async () => {
    const body = (await ok(`/api/v3/trace-summaries?${WINDOW}&query.searchDepth=7`)) as {
      summaries: { traceId: string; minStartTimeUnixNano: string }[]
    }
    expect(Object.keys(body)).toEqual(['summaries'])
    expect(body.summaries).toHaveLength(7)
    const expected = demo.simulator.findTraces({ startTimeMinUs: (NOW_MS - 600_000) * 1000, startTimeMaxUs: NOW_MS * 1000, searchDepth: 7 })
    expect(body.summaries.map((summary) => summary.traceId)).toEqual(expected.map((trace) => trace.traceId))
  })

  test('trace by id, hex or base64; summaries omit zero counts', async () => {
    // notification-service's Kafka client drops the trace id of a few messages: a trace of its own whose
    // only span names a parent it never has (call-graph.ts); FromTrace takes the orphan as the root.
    const hour = `query.startTimeMin=${iso(NOW_MS - 60 * 60_000)}&query.startTimeMax=${iso(NOW_MS)}`
    const summaries = parseV3TraceSummaries(
      await ok(`/api/v3/trace-summaries?query.serviceName=notification-service&${hour}&query.searchDepth=1000`),
    )
    expect(summaries.rejected).toEqual([])
    const withOrphan = summaries.records.find((summary) => summary.orphanSpanCount > 0)!
    expect(withOrphan).toMatchObject({ rootServiceName: 'notification-service', rootOperationName: 'process payments.events' })
    const rawSummaries = (await ok(`/api/v3/trace-summaries?query.serviceName=auth-service&${WINDOW}&query.searchDepth=20`)) as {
      summaries: Record<string, unknown>[]
    }
    expect(rawSummaries.summaries.some((summary) => !('orphanSpanCount' in summary) && !('errorSpanCount' in summary))).toBe(true)

    const trace = parseV3Traces(await ok(`/api/v3/traces/${withOrphan.traceId}`))
    expect(trace.rejected).toEqual([])
    expect(trace.records).toHaveLength(withOrphan.spanCount)
    const base64 = Buffer.from(withOrphan.traceId, 'hex').toString('base64')
    expect(parseV3Traces(await ok(`/api/v3/traces/${encodeURIComponent(base64)}?rawTraces=true`)).records).toHaveLength(
      withOrphan.spanCount,
    )
  })

  test('dependencies', async () => {
    const links = parseV3Dependencies(await ok(`/api/v3/dependencies?startTime=${iso(NOW_MS - 600_000)}&endTime=${iso(NOW_MS)}`))
    const link = links.find((candidate) => candidate.parent === 'api-gateway' && candidate.child === 'auth-service')!
    expect(typeof link.callCount).toBe('string')
    expect(Number(link.callCount)).toBeGreaterThan(0)
  })
})

describe('classic /api', () => {
  test('services and operations', async () => {
    expect(parseClassicNames(await ok('/api/services'))).toContain('fraud-detection')
    expect(parseClassicNames(await ok('/api/services/merchant-service/operations'))).toContain('GET')
    const operations = parseClassicOperations(await ok('/api/operations?service=payment-gateway&spanKind=producer'))
    expect(operations).toEqual([{ name: 'send payments.events', spanKind: 'producer' }])
  })

  test('search: µs times, typed tags, processes p1…, CHILD_OF references, sampler process tags', async () => {
    const end = NOW_MS * 1000
    const body = await ok(`/api/traces?service=fraud-detection&start=${end - 600_000_000}&end=${end}&limit=3&lookback=1h`)
    const parsed = parseClassicTraces(body)
    expect(parsed.rejected).toEqual([])
    expect(parsed.records).toHaveLength(3)
    const trace = parsed.records[0]!
    expect(Object.keys(trace.processes)).toContain('p1')
    const fraud = Object.values(trace.processes).find((process) => process.serviceName === 'fraud-detection')!
    expect(fraud.tags).toContainEqual({ key: 'sampler.param', type: 'float64', value: 0.1 })
    expect(fraud.tags).toContainEqual({ key: 'sampler.type', type: 'string', value: 'probabilistic' })
    const child = trace.spans.find((span) => span.references?.length)!
    expect(child.references![0]!.refType).toBe('CHILD_OF')
    expect(trace.spans.some((span) => span.warnings?.some((warning) => warning.startsWith('clock skew adjustment disabled')))).toBe(true)
    const expected = demo.simulator.findTraces({
      serviceName: 'fraud-detection',
      startTimeMinUs: end - 600_000_000,
      startTimeMaxUs: end,
      searchDepth: 3,
    })
    expect(parsed.records.map((record) => record.traceID)).toEqual(expected.map((candidate) => candidate.traceId))
  })

  test('trace by id, and dependencies in ms', async () => {
    const [expected] = demo.simulator.findTraces({
      serviceName: 'card-service',
      startTimeMinUs: (NOW_MS - 600_000) * 1000,
      startTimeMaxUs: NOW_MS * 1000,
      searchDepth: 1,
    })
    const parsed = parseClassicTraces(await ok(`/api/traces/${expected!.traceId}`))
    expect(parsed.rejected).toEqual([])
    expect(parsed.records[0]!.spans).toHaveLength(expected!.spans.length)
    const links = parseClassicDependencies(await ok(`/api/dependencies?endTs=${NOW_MS}&lookback=600000`))
    expect(links).toContainEqual(expect.objectContaining({ parent: 'card-service', child: 'fraud-detection' }))
  })

  test('a complete search finds exactly the spans exactCounts reports', async () => {
    const startUs = (NOW_MS - 20 * 60_000) * 1000
    const endUs = startUs + 2 * 60_000_000
    const counts = demo.simulator.exactCounts({ service: 'payment-gateway', startUs, endUs })
    const parsed = parseClassicTraces(await ok(`/api/traces?service=payment-gateway&start=${startUs}&end=${endUs - 1}&limit=100000`))
    const spans = parsed.records.flatMap((trace) =>
      trace.spans.filter(
        (span) =>
          trace.processes[span.processID!]!.serviceName === 'payment-gateway' && span.startTime! >= startUs && span.startTime! < endUs,
      ),
    )
    expect(counts.spans).toBeGreaterThan(0)
    expect(spans).toHaveLength(counts.spans)
    expect(parsed.records).toHaveLength(counts.traces)
  })
})

describe("errors, as Jaeger's http.Error writes them", () => {
  const v3 = (status: number, message: string) => `${JSON.stringify({ error: { httpCode: status, message } })}\n`
  const classic = (status: number, msg: string) =>
    `${JSON.stringify({ data: null, total: 0, limit: 0, offset: 0, errors: [{ code: status, msg }] })}\n`
  const max = `query.startTimeMax=${iso(NOW_MS)}`

  test.each([
    ['/api/v3/traces?query.serviceName=payment-gateway', 400, v3(400, 'query.startTimeMin and query.startTimeMax are required')],
    [
      `/api/v3/traces?query.start_time_min=yesterday&${max}`,
      400,
      v3(
        400,
        `malformed parameter query.start_time_min: parsing time "yesterday" as "2006-01-02T15:04:05.999999999Z07:00": cannot parse "yesterday" as "2006"`,
      ),
    ],
    [
      `/api/v3/traces?${WINDOW}&query.searchDepth=ten`,
      400,
      v3(400, 'malformed parameter query.searchDepth: strconv.Atoi: parsing "ten": invalid syntax'),
    ],
    [
      `/api/v3/trace-summaries?${WINDOW}&query.durationMin=5`,
      400,
      v3(400, 'malformed parameter query.durationMin: time: missing unit in duration "5"'),
    ],
    [
      `/api/v3/traces?query.startTimeMin=${iso(NOW_MS)}&query.startTimeMax=${iso(NOW_MS - 1000)}`,
      400,
      v3(400, 'query.startTimeMin must be before query.startTimeMax'),
    ],
    [`/api/v3/traces?query.serviceName=loan-service&${WINDOW}`, 404, v3(404, 'No traces found')],
    ['/api/v3/traces/00000000000000000000000000000001', 404, v3(404, 'No traces found')],
    [
      '/api/v3/traces/not-a-trace!',
      400,
      v3(400, 'malformed parameter trace_id: strconv.ParseUint: parsing "not-a-trace!": invalid syntax'),
    ],
    ['/api/v3/dependencies?endTime=2025-11-20T12:00:00Z', 400, v3(400, 'missing required parameter: startTime')],
    ['/api/traces?limit=20', 400, classic(400, "parameter 'service' is required")],
    ['/api/traces?service=payment-gateway&limit=abc', 400, classic(400, 'strconv.ParseInt: parsing "abc": invalid syntax')],
    ['/api/traces?service=payment-gateway&limit=0', 400, classic(400, 'invalid parameter: limit must be greater than 0')],
    [
      '/api/traces?service=payment-gateway&start=yesterday',
      400,
      classic(400, `unable to parse param 'start': strconv.ParseInt: parsing "yesterday": invalid syntax`),
    ],
    [
      '/api/traces?service=payment-gateway&minDuration=fast',
      400,
      classic(400, `unable to parse param 'minDuration': time: invalid duration "fast"`),
    ],
    ['/api/operations', 400, classic(400, "parameter 'service' is required")],
    ['/api/traces/00000000000000000000000000000001', 404, classic(404, 'trace not found')],
    ['/api/dependencies?endTs=soon', 400, classic(400, `unable to parse param 'endTs': strconv.ParseInt: parsing "soon": invalid syntax`)],
    ['/api/v3/nothing-here', 404, '404 page not found\n'],
    ['/not/an/api/path', 404, '404 page not found\n'],
  ])('%s → %d', async (path, status, body) => {
    const response = await get(path)
    expect(response.status).toBe(status)
    expect(response.contentType).toBe('text/plain; charset=utf-8')
    expect(response.text).toBe(body)
  })

  test("a method other than GET on an API path is a 404, as Jaeger's /api/ catch-all answers", async () => {
    const response = await fetch(`${demo.url}/api/v3/services`, { method: 'POST' })
    expect(response.status).toBe(404)
    expect(await response.text()).toBe('404 page not found\n')
  })
})

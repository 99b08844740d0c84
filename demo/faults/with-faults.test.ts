// Each fault of the switch, observed over real HTTP the way a Jaeger client would meet it.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { startDemoJaeger, type DemoJaeger } from '../start-demo-jaeger'
import type { FaultSwitch } from './fault-switch'
import { fetchOutcome, freshConnectionOutcome, get, waitUntilAnswering } from './request-outcome'

const ANCHOR = new Date('2025-11-20T12:00:00Z')
const NOW_MS = ANCHOR.getTime() + 30 * 60_000
const iso = (ms: number) => new Date(ms).toISOString()
const WINDOW = `query.startTimeMin=${iso(NOW_MS - 10 * 60_000)}&query.startTimeMax=${iso(NOW_MS)}`
const V3_SEARCH = `/api/v3/traces?query.serviceName=payment-gateway&${WINDOW}&query.searchDepth=5`

let demo: DemoJaeger & { faults: FaultSwitch }
const url = (path: string) => demo.url + path
beforeAll(async () => {
  demo = await startDemoJaeger({ port: 0, anchor: ANCHOR, now: () => NOW_MS, faults: true })
})
afterEach(() => demo.faults.clear())
afterAll(() => demo.close())

const statusesOf = async (paths: string[]) => {
  const statuses: number[] = []
  for (const path of paths) statuses.push((await get(url(path))).status)
  return statuses
}

describe('down', () => {
  test("'reset': matching requests have their connection reset (ECONNRESET); other paths still answer", async () => {
    await demo.faults.set({ down: 'reset', paths: ['/api/v3/traces'] })
    expect(await fetchOutcome(url(V3_SEARCH))).toBe('ECONNRESET')
    expect(await freshConnectionOutcome(url(V3_SEARCH))).toBe('ECONNRESET')
    expect(await fetchOutcome(url('/api/v3/services'))).toBe('HTTP 200')
    await demo.faults.clear()
    expect(await fetchOutcome(url(V3_SEARCH))).toBe('HTTP 200')
  })

  test("'refuse': nothing listens (ECONNREFUSED) until lifted, then the same port answers", async () => {
    expect(await fetchOutcome(url('/api/v3/services'))).toBe('HTTP 200')
    await demo.faults.set({ down: 'refuse' })
    expect(await freshConnectionOutcome(url('/api/v3/services'))).toBe('ECONNREFUSED')
    expect(await fetchOutcome(url('/api/v3/services'))).not.toMatch(/^HTTP/)
    await demo.faults.set({ down: undefined })
    expect(await fetchOutcome(url('/api/v3/services'))).toBe('HTTP 200')
  })

  test('downForMs lifts down by itself', async () => {
    await demo.faults.set({ down: 'refuse', downForMs: 300 })
    expect(await freshConnectionOutcome(url('/api/v3/services'))).toBe('ECONNREFUSED')
    await waitUntilAnswering(url('/api/v3/services'), 2000)
    expect(demo.faults.current()).toEqual({})
  })
})

test('slowMs: every response waits at least slowMs; a client with a shorter timeout gives up', async () => {
  await demo.faults.set({ slowMs: 300 })
  const slow = await get(url('/api/v3/services'))
  expect(slow.status).toBe(200)
  expect(slow.elapsedMs).toBeGreaterThanOrEqual(300)
  await expect(fetch(url('/api/v3/services'), { signal: AbortSignal.timeout(100) })).rejects.toMatchObject({ name: 'TimeoutError' })
})

describe('errorRate', () => {
  const v3 = (status: number, message: string) => `${JSON.stringify({ error: { httpCode: status, message } })}\n`
  const classic = (status: number, msg: string) =>
    `${JSON.stringify({ data: null, total: 0, limit: 0, offset: 0, errors: [{ code: status, msg }] })}\n`

  test.each([
    ['api/v3 answers its error JSON', '/api/v3/services', {}, 500, v3(500, 'Internal Server Error (demo fault)')],
    ['the classic API answers its envelope', '/api/services', { errorStatus: 503 }, 503, classic(503, 'Service Unavailable (demo fault)')],
    ["a path outside the API answers Go's http.Error text", '/', { errorStatus: 502 }, 502, '502 Bad Gateway (demo fault)\n'],
  ])('%s', async (_, path, settings, status, body) => {
    await demo.faults.set({ errorRate: 1, ...settings })
    const answer = await get(url(path))
    expect(answer.status).toBe(status)
    expect(answer.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(answer.text).toBe(body)
  })

  test('0.25 fails every fourth request, and again from the start after each set', async () => {
    const eight = Array.from({ length: 8 }, () => '/api/v3/services')
    const expected = [200, 200, 200, 500, 200, 200, 200, 500]
    await demo.faults.set({ errorRate: 0.25 })
    expect(await statusesOf(eight)).toEqual(expected)
    await demo.faults.set({ errorRate: 0.25 })
    expect(await statusesOf(eight)).toEqual(expected)
  })
})

describe('broken bodies', () => {
  const unparsable = (text: string) => expect(() => JSON.parse(text)).toThrow(SyntaxError)

  test('truncate: the first half of the bytes, a Content-Length to match, JSON that does not parse', async () => {
    const clean = await get(url(V3_SEARCH))
    await demo.faults.set({ truncate: true })
    const cut = await get(url(V3_SEARCH))
    expect(cut.status).toBe(200)
    expect(cut.text).toBe(clean.text.slice(0, Math.floor(clean.text.length / 2)))
    expect(cut.headers.get('content-length')).toBe(String(Buffer.byteLength(cut.text)))
    unparsable(cut.text)
  })

  test("corrupt 'shape': valid JSON, but an array where Jaeger answers an object", async () => {
    const clean = await get(url(V3_SEARCH))
    await demo.faults.set({ corrupt: 'shape' })
    const reshaped = await get(url(V3_SEARCH))
    expect(JSON.parse(reshaped.text)).toEqual([JSON.parse(clean.text)])
  })

  test("corrupt 'bytes': the same length with three bytes flipped, JSON that does not parse", async () => {
    const clean = await get(url(V3_SEARCH))
    await demo.faults.set({ corrupt: 'bytes' })
    const flipped = await get(url(V3_SEARCH))
    expect(flipped.text).toHaveLength(clean.text.length)
    expect([...flipped.text].filter((char, index) => char !== clean.text[index])).toHaveLength(3)
    unparsable(flipped.text)
  })
})

describe('times', () => {
  test('Jaeger flaps, then recovers: the first N matching requests fail; other paths neither fail nor count', async () => {
    await demo.faults.set({ errorRate: 1, times: 2, paths: ['/api/v3/traces'] })
    expect(await statusesOf([V3_SEARCH, '/api/v3/services', V3_SEARCH, V3_SEARCH, V3_SEARCH])).toEqual([500, 200, 500, 200, 200])
  })

  test('a broken body for the first request only', async () => {
    await demo.faults.set({ truncate: true, times: 1 })
    const first = await get(url(V3_SEARCH))
    const second = await get(url(V3_SEARCH))
    expect(() => JSON.parse(first.text)).toThrow(SyntaxError)
    expect(JSON.parse(second.text)).toHaveProperty('result')
  })
})

describe('capSearchesAt', () => {
  type Count = (body: unknown) => number
  const v3Traces: Count = (body) =>
    new Set(
      (body as { result: { resourceSpans: { scopeSpans: { spans: { traceId: string }[] }[] }[] } }).result.resourceSpans.flatMap(
        (resource) => resource.scopeSpans.flatMap((scope) => scope.spans.map((span) => span.traceId)),
      ),
    ).size
  const summaries: Count = (body) => (body as { summaries: unknown[] }).summaries.length
  const classic: Count = (body) => (body as { data: unknown[] }).data.length
  const classicWindow = `service=payment-gateway&start=${(NOW_MS - 600_000) * 1000}&end=${NOW_MS * 1000}`

  test.each([
    ['api/v3 traces', (depth: number) => `/api/v3/traces?${WINDOW}&query.searchDepth=${depth}`, v3Traces],
    ['api/v3 trace summaries', (depth: number) => `/api/v3/trace-summaries?${WINDOW}&query.searchDepth=${depth}`, summaries],
    ['classic /api/traces', (depth: number) => `/api/traces?${classicWindow}&limit=${depth}`, classic],
  ])('%s: never more than the cap, so a client sees "got as many as the cap"; smaller asks are untouched', async (_, search, count) => {
    expect(count(JSON.parse((await get(url(search(50)))).text))).toBe(50)
    await demo.faults.set({ capSearchesAt: 7 })
    expect(count(JSON.parse((await get(url(search(50)))).text))).toBe(7)
    expect(count(JSON.parse((await get(url(search(3)))).text))).toBe(3)
  })
})

describe('skew', () => {
  type ClassicTrace = {
    spans: { spanID: string; startTime: number; processID: string; logs: { timestamp: number }[] }[]
    processes: Record<string, { serviceName: string }>
  }
  const classicTraces = async (path: string) => (JSON.parse((await get(url(path))).text) as { data: ClassicTrace[] }).data
  const service = 'payment-gateway'
  const offsetUs = 90_000_000

  test("moves a service's reported span starts and log times; other services' stay", async () => {
    const recent = demo.simulator.findTraces({
      startTimeMinUs: (NOW_MS - 60 * 60_000) * 1000,
      startTimeMaxUs: (NOW_MS - 10 * 60_000) * 1000,
      searchDepth: -1,
    })
    const { traceId, spans } = recent.find((trace) => trace.spans.some((span) => span.events.length > 0))!
    const logging = spans.find((span) => span.events.length > 0)!.resource.serviceName
    const [before] = await classicTraces(`/api/traces/${traceId}`)
    await demo.faults.set({ skew: [{ service: logging, offsetUs }] })
    const [after] = await classicTraces(`/api/traces/${traceId}`)
    const serviceOf = (span: ClassicTrace['spans'][number]) => after!.processes[span.processID]!.serviceName
    expect(new Set(after!.spans.map(serviceOf)).size).toBeGreaterThan(1)
    expect(after!.spans.some((span) => serviceOf(span) === logging && span.logs.length > 0)).toBe(true)
    for (const span of after!.spans) {
      const original = before!.spans.find((candidate) => candidate.spanID === span.spanID)!
      const shift = serviceOf(span) === logging ? offsetUs : 0
      expect(span.startTime).toBe(original.startTime + shift)
      expect(span.logs.map((log) => log.timestamp)).toEqual(original.logs.map((log) => log.timestamp + shift))
    }
  })

  test('exactCounts agrees with a complete search over HTTP for a window under skew', async () => {
    const startUs = (NOW_MS - 20 * 60_000) * 1000
    const endUs = startUs + 2 * 60_000_000
    const unskewed = demo.simulator.exactCounts({ service, startUs, endUs })
    await demo.faults.set({ skew: [{ service, offsetUs }] })
    const counts = demo.simulator.exactCounts({ service, startUs, endUs })
    const traces = await classicTraces(`/api/traces?service=${service}&start=${startUs}&end=${endUs - 1}&limit=100000`)
    const spans = traces.flatMap((trace) =>
      trace.spans.filter(
        (span) => trace.processes[span.processID]!.serviceName === service && span.startTime >= startUs && span.startTime < endUs,
      ),
    )
    expect(counts.spans).not.toBe(unskewed.spans)
    expect(spans).toHaveLength(counts.spans)
    expect(traces).toHaveLength(counts.traces)
  })
})

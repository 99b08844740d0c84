// JaegerClient against the demo Jaeger over real HTTP, with its handler wrapped to misbehave.
import { afterEach, describe, expect, test } from 'vitest'
import type { DemoHandler, DemoRequest } from '../../demo/http/demo-response'
import { startDemoJaeger, type DemoJaeger } from '../../demo/start-demo-jaeger'
import { JaegerClient, JaegerRequestError, rfc3339Micros } from './client'

const ANCHOR_MS = Date.UTC(2026, 10, 20, 12, 0)
const NOW_MS = ANCHOR_MS + 3_600_000
const WINDOW = { startUs: (ANCHOR_MS - 10 * 60_000) * 1000, endUs: (ANCHOR_MS - 5 * 60_000) * 1000 }
const ROLLOUT_WINDOW = { startUs: (ANCHOR_MS - 60 * 60_000) * 1000, endUs: (ANCHOR_MS - 55 * 60_000) * 1000 }

let jaeger: DemoJaeger | undefined
const requests: DemoRequest[] = []
afterEach(async () => {
  await jaeger?.close()
  jaeger = undefined
  requests.length = 0
})

async function start(wrap: (handler: DemoHandler) => DemoHandler = (handler) => handler) {
  jaeger = await startDemoJaeger({
    port: 0,
    anchor: new Date(ANCHOR_MS),
    now: () => NOW_MS,
    wrapHandler: (handler) => {
      const wrapped = wrap(handler)
      return (request) => (requests.push(request), wrapped(request))
    },
  })
  return { jaeger, client: new JaegerClient({ baseUrl: jaeger.url, timeoutMs: 2000, retries: 2, sleep: async () => {} }) }
}

/** Spans of `service` starting in the window, as the client returns them. */
const ownSpans = (traces: Awaited<ReturnType<JaegerClient['searchTraces']>>['traces'], service: string, window = WINDOW) =>
  traces.flatMap((t) => t.spans).filter((s) => s.service === service && s.startUs >= window.startUs && s.startUs < window.endUs)

describe('JaegerClient', () => {
  test('rfc3339Micros keeps microseconds', () => {
    expect(rfc3339Micros(1_795_514_604_444_910)).toBe('2026-11-24T10:03:24.444910Z')
    expect(rfc3339Micros(1_795_514_604_000_001)).toBe('2026-11-24T10:03:24.000001Z')
  })

  test('uses api/v3 when served; a complete search finds exactly the spans the simulator made', async () => {
    const { client, jaeger } = await start()
    expect(await client.api()).toBe('v3')
    expect(new Set(await client.listServices())).toEqual(new Set(jaeger.simulator.listServices()))
    const result = await client.searchTraces({ service: 'payment-gateway', ...WINDOW, limit: 10_000 })
    expect(result.rejected).toEqual([])
    const exact = jaeger.simulator.exactCounts({ service: 'payment-gateway', ...WINDOW })
    const spans = ownSpans(result.traces, 'payment-gateway')
    expect(spans.length).toBe(exact.spans)
    expect(spans.filter((s) => s.error).length).toBe(exact.errors)
    expect(result.traces.length).toBe(exact.byService['payment-gateway']?.traces)
  })

  test('falls back to the classic API, and both APIs give the same spans', async () => {
    const v3 = await (await start()).client.searchTraces({ service: 'ledger-service', ...WINDOW, limit: 10_000 })
    await jaeger!.close()
    const { client } = await start(
      (handler) => async (request) =>
        request.path.startsWith('/api/v3/') ? { status: 404, headers: {}, body: '404 page not found\n' } : handler(request),
    )
    expect(await client.api()).toBe('classic')
    const classic = await client.searchTraces({ service: 'ledger-service', ...WINDOW, limit: 10_000 })
    const key = (t: { traceId: string }) => t.traceId
    const sort = <T extends { traceId: string; spans: { spanId: string }[] }>(traces: T[]) =>
      [...traces]
        .sort((a, b) => key(a).localeCompare(key(b)))
        .map((t) => ({ ...t, spans: [...t.spans].sort((a, b) => a.spanId.localeCompare(b.spanId)) }))
    expect(sort(classic.traces)).toEqual(sort(v3.traces))
  })

  test('an empty v3 search (404 "No traces found") is an empty result, not an error', async () => {
    const { client } = await start()
    const result = await client.searchTraces({ service: 'loan-service', ...WINDOW, limit: 100 })
    expect(result.traces).toEqual([])
  })

  test('asks for at most `limit` traces', async () => {
    const { client } = await start()
    const result = await client.searchTraces({ service: 'api-gateway', ...WINDOW, limit: 3 })
    expect(result.traces).toHaveLength(3)
  })

  test.each([
    ['two 503s, then an answer', 2, { status: 503, headers: {}, body: 'unavailable' }, true],
    ['two truncated bodies, then an answer', 2, { status: 200, headers: {}, body: '{"result":{"resourceSp' }, true],
    ['three 500s exhaust the retries', 3, { status: 500, headers: {}, body: '{"error":{"httpCode":500,"message":"boom"}}' }, false],
  ])('retries: %s', async (_label, failures, failure, succeeds) => {
    let failed = 0
    const { client } = await start((handler) => async (request) => {
      if (request.path === '/api/v3/traces' && failed < failures) return (failed++, failure)
      return handler(request)
    })
    const search = client.searchTraces({ service: 'auth-service', ...WINDOW, limit: 50 })
    if (succeeds) expect((await search).traces.length).toBeGreaterThan(0)
    else await expect(search).rejects.toMatchObject({ name: 'JaegerRequestError', status: 500, retryable: true })
    expect(requests.filter((r) => r.path === '/api/v3/traces')).toHaveLength(Math.min(failures + 1, 3))
  })

  test.each([
    ['api/v3', 'query.attributes', (handler: DemoHandler) => handler],
    [
      'classic',
      'tags',
      (handler: DemoHandler): DemoHandler =>
        async (request) =>
          request.path.startsWith('/api/v3/') ? { status: 404, headers: {}, body: '404 page not found\n' } : handler(request),
    ],
  ])('%s: the slowest traces of a version are searched by the service.version tag (%s), a process tag', async (_api, param, wrap) => {
    // account-service is mid-rollout an hour before the anchor (demo/simulator/deployments.ts): two versions serve it.
    const { client } = await start(wrap)
    const all = await client.searchTraces({ service: 'account-service', ...ROLLOUT_WINDOW, limit: 10_000 })
    const versions = [...new Set(ownSpans(all.traces, 'account-service', ROLLOUT_WINDOW).map((span) => span.serviceVersion))].sort()
    expect(versions).toHaveLength(2)
    for (const version of versions) {
      const carrying = all.traces.filter((trace) =>
        trace.spans.some((span) => span.service === 'account-service' && span.serviceVersion === version),
      )
      requests.length = 0
      const found = await client.findSlowTraces({
        service: 'account-service',
        version: version!,
        ...ROLLOUT_WINDOW,
        minDurationUs: 0,
        limit: 10_000,
      })
      expect(found.searched).toBe(carrying.length)
      expect(new Set(found.traces.map((trace) => trace.traceId))).toEqual(new Set(carrying.map((trace) => trace.traceId)))
      const search = requests.find((request) => request.path.endsWith('/traces'))!
      expect(new URLSearchParams(search.rawQuery).get(param)).toBe(JSON.stringify({ 'service.version': version }))
    }
  })

  test('a 400 is not retried: it names what Jaeger said', async () => {
    const { client } = await start(
      (handler) => async (request) =>
        request.path === '/api/v3/traces'
          ? { status: 400, headers: {}, body: '{"error":{"httpCode":400,"message":"malformed parameter query.num_traces"}}' }
          : handler(request),
    )
    const error = await client.searchTraces({ service: 'auth-service', ...WINDOW, limit: 50 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(JaegerRequestError)
    expect(error).toMatchObject({ status: 400, retryable: false, message: expect.stringContaining('malformed parameter query.num_traces') })
    expect(requests.filter((r) => r.path === '/api/v3/traces')).toHaveLength(1)
  })

  test('a hung Jaeger times out within the budget', async () => {
    const { jaeger } = await start((handler) => async (request) => {
      if (request.path === '/api/v3/traces') await new Promise((resolve) => setTimeout(resolve, 2000))
      return handler(request)
    })
    const client = new JaegerClient({ baseUrl: jaeger.url, timeoutMs: 100, retries: 1, sleep: async () => {} })
    const started = performance.now()
    await expect(client.searchTraces({ service: 'auth-service', ...WINDOW, limit: 5 })).rejects.toThrow('timed out')
    expect(performance.now() - started).toBeLessThan(1500)
  })
})

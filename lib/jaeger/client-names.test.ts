// JaegerClient searches a name that had to be cleaned by the names Jaeger knows for it: against a stub
// api/v3 that, like Jaeger, finds a trace only by the exact service and operation names it holds.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeEach, describe, expect, test } from 'vitest'
import { JaegerClient } from './client'

const START_US = Date.UTC(2026, 11, 6, 12, 0) * 1000
const WINDOW = { startUs: START_US, endUs: START_US + 60_000_000, limit: 100 }
const hex = (n: number, digits: number) => n.toString(16).padStart(digits, '0')

/** Trace n: one span per (service, operation), each 1 ms longer than the one before. */
const TRACES: { service: string; operation: string }[][] = [
  [
    { service: 'a\u0000', operation: 'op\u0000' },
    { service: 'a\uFFFD', operation: 'op\u0000' },
  ], // found by both names of a\uFFFD
  [{ service: 'a\u0000', operation: 'op\u0000' }],
  [{ service: 'a\uFFFD', operation: 'op\uFFFD' }],
  [{ service: 'ledger', operation: 'GET' }],
]
/** `a\u0000` and `a\uFFFD` (a name with U+FFFD of its own) are both stored as `a\uFFFD`. */
const SERVICES = ['a\u0000', 'a\uFFFD', 'ledger']

const spansOf = (t: number) =>
  TRACES[t]!.map(({ service, operation }, s) => ({
    resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
    scopeSpans: [
      {
        spans: [
          {
            traceId: hex(t + 1, 32),
            spanId: hex(s + 1, 16),
            name: operation,
            kind: 2,
            startTimeUnixNano: `${START_US + s}000`,
            endTimeUnixNano: `${START_US + s + 1000 * (t + s + 1)}000`,
          },
        ],
      },
    ],
  }))

const requests: string[] = []
const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://stub')
  requests.push(url.pathname)
  const json = (body: unknown) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  if (url.pathname === '/api/v3/services') return json({ services: SERVICES })
  const service = url.searchParams.get('service') ?? url.searchParams.get('query.service_name')
  if (url.pathname === '/api/v3/operations')
    return json({
      operations: [
        ...new Set(
          TRACES.flat()
            .filter((span) => span.service === service)
            .map((span) => span.operation),
        ),
      ].map((name) => ({ name, spanKind: 'server' })),
    })
  if (url.pathname !== '/api/v3/traces') return response.writeHead(404).end('404 page not found\n')
  const operation = url.searchParams.get('query.operation_name')
  const found = TRACES.flatMap((spans, t) =>
    spans.some((span) => span.service === service && (operation === null || span.operation === operation)) ? spansOf(t) : [],
  )
  if (found.length === 0) return response.writeHead(404).end('{"error":{"httpCode":404,"message":"No traces found"}}')
  json({ result: { resourceSpans: found } })
})
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
afterAll(() => new Promise((resolve) => server.close(resolve)))
beforeEach(() => {
  requests.length = 0
})

const newClient = () => new JaegerClient({ baseUrl, timeoutMs: 2000, retries: 0 })
/** Spans per trace id, as the client returns them: a trace found twice would show twice. */
const spanCounts = (traces: { traceId: string; spans: unknown[] }[]) => traces.map((trace) => [trace.traceId.slice(-1), trace.spans.length])

describe('JaegerClient: names Jaeger listed before cleaning', () => {
  test('a cleaned service is searched by each name Jaeger listed for it, and a trace both find is returned once', async () => {
    const client = newClient()
    expect(await client.listServices()).toEqual(['a\uFFFD', 'ledger'])
    const result = await client.searchTraces({ service: 'a\uFFFD', ...WINDOW })
    expect(spanCounts(result.traces)).toEqual([
      ['1', 2],
      ['2', 1],
      ['3', 1],
    ])
    expect(result.traces.flatMap((trace) => trace.spans).every((span) => span.service === 'a\uFFFD')).toBe(true)
  })

  test('a name that needed no cleaning is one search, by itself', async () => {
    const client = newClient()
    await client.listServices()
    requests.length = 0
    expect(spanCounts((await client.searchTraces({ service: 'ledger', ...WINDOW })).traces)).toEqual([['4', 1]])
    expect(requests).toEqual(['/api/v3/traces'])
  })

  test('a client that never listed services lists them before searching a cleaned name (not once per search)', async () => {
    const client = newClient()
    expect((await client.searchTraces({ service: 'a\uFFFD', ...WINDOW })).traces).toHaveLength(3)
    await client.searchTraces({ service: 'a\uFFFD', ...WINDOW })
    expect(requests.filter((path) => path === '/api/v3/services')).toHaveLength(2) // one to detect api/v3, one list
  })

  test('a name Jaeger does not list is searched as given', async () => {
    const client = newClient()
    await client.listServices()
    expect((await client.searchTraces({ service: 'gone\uFFFD', ...WINDOW })).traces).toEqual([])
  })

  test('slow traces of a cleaned operation of a cleaned service: each pair of listed names is searched', async () => {
    const client = newClient()
    const { traces, searched } = await client.findSlowTraces({
      service: 'a\uFFFD',
      operation: 'op\uFFFD',
      ...WINDOW,
      minDurationUs: 0,
      limit: 10,
    })
    // (a\u0000, op\u0000) finds traces 1 and 2, (a\uFFFD, op\u0000) trace 1 again, (a\uFFFD, op\uFFFD) trace 3.
    expect(searched).toBe(3)
    expect(traces.map((trace) => [trace.traceId.slice(-1), trace.durationUs])).toEqual([
      ['3', 3000],
      ['1', 2000],
      ['2', 2000],
    ])
    expect(requests.filter((path) => path === '/api/v3/operations')).toHaveLength(2)
  })
})

// JaegerClient.getTrace and findSlowTraces against the demo Jaeger over real HTTP, through api/v3 and
// through the classic API (the same server, seen under /classic with api/v3 hidden).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Attribute, DetailSpan } from '@/lib/traces/trace-detail'
import { computeSlowTraceSearchDepth } from '@/lib/traces/slow-traces'
import { notFound } from '../../demo/http/demo-response'
import { SLOW_OPERATION } from '../../demo/simulator/scenario'
import { startDemoJaeger, type DemoJaeger } from '../../demo/start-demo-jaeger'
import { JaegerClient } from './client'

const ANCHOR_MS = Date.UTC(2026, 10, 20, 12, 0)
const NOW_MS = ANCHOR_MS + 3_600_000
const LAST_30_MINUTES = { startUs: (NOW_MS - 30 * 60_000) * 1000, endUs: NOW_MS * 1000 }
/** Above every SELECT transactions before it turned slow (≤ 11 ms), above ~90 % of them since. */
const FLOOR_US = 50_000
const SLOW = { service: SLOW_OPERATION.service, operation: SLOW_OPERATION.spanName, ...LAST_30_MINUTES, minDurationUs: FLOOR_US, limit: 10 }
/** Inside payment-gateway's error burst (demo/simulator/scenario.ts: 75 to 60 min before the anchor). */
const BURST = { startUs: (ANCHOR_MS - 74 * 60_000) * 1000, endUs: (ANCHOR_MS - 70 * 60_000) * 1000 }
const CLASSIC_PREFIX = '/classic'

let jaeger: DemoJaeger
let clients: { v3: JaegerClient; classic: JaegerClient }
beforeAll(async () => {
  jaeger = await startDemoJaeger({
    port: 0,
    anchor: new Date(ANCHOR_MS),
    now: () => NOW_MS,
    // Under /classic the same Jaeger has no api/v3, so the client there falls back to the classic API.
    wrapHandler: (handler) => async (request) => {
      if (!request.path.startsWith(`${CLASSIC_PREFIX}/`)) return handler(request)
      const path = request.path.slice(CLASSIC_PREFIX.length)
      return path.startsWith('/api/v3/') ? notFound() : handler({ ...request, path })
    },
  })
  const client = (baseUrl: string) => new JaegerClient({ baseUrl, timeoutMs: 5000, retries: 0 })
  clients = { v3: client(jaeger.url), classic: client(jaeger.url + CLASSIC_PREFIX) }
  expect(await clients.v3.api()).toBe('v3')
  expect(await clients.classic.api()).toBe('classic')
})
afterAll(() => jaeger.close())

const byKey = (attributes: Attribute[]) => [...attributes].sort((a, b) => a.key.localeCompare(b.key))
/** What both APIs carry alike: the classic API adds tags for OTLP's kind, scope and status. */
const comparable = ({ attributes: _attributes, resource, ...span }: DetailSpan) => ({ ...span, resource: byKey(resource) })

describe.each(['v3', 'classic'] as const)('JaegerClient through the %s API', (api) => {
  test('findSlowTraces: the slowest SELECT transactions of the last 30 min, each at or above the floor, slowest first', async () => {
    const result = await clients[api].findSlowTraces(SLOW)
    expect(result.rejected).toBe(0)
    expect(result.traces).toHaveLength(SLOW.limit)
    expect(result.searched).toBeGreaterThanOrEqual(SLOW.limit)
    const durations = result.traces.map((slow) => slow.durationUs)
    expect(durations.every((durationUs) => durationUs >= FLOOR_US)).toBe(true)
    expect(durations).toEqual([...durations].sort((a, b) => b - a))

    // Oracle: the simulator's own search, as deep as the client asked, slowest matching span per trace.
    const oracle = jaeger.simulator
      .findTraces({
        serviceName: SLOW.service,
        operationName: SLOW.operation,
        startTimeMinUs: SLOW.startUs,
        startTimeMaxUs: SLOW.endUs,
        durationMinNs: FLOOR_US * 1000,
        searchDepth: computeSlowTraceSearchDepth(SLOW.limit),
      })
      .map((trace) =>
        Math.max(
          ...trace.spans
            .filter((span) => span.resource.serviceName === SLOW.service && span.name === SLOW.operation)
            .map((span) => span.durationUs),
        ),
      )
      .sort((a, b) => b - a)
    expect(durations).toEqual(oracle.slice(0, SLOW.limit))
  })

  test('findSlowTraces: each slow span is a span of that operation in getTrace of its trace, and the summary matches the trace', async () => {
    const { traces } = await clients[api].findSlowTraces({ ...SLOW, limit: 3 })
    expect(traces).toHaveLength(3)
    for (const slow of traces) {
      const lookup = await clients[api].getTrace(slow.traceId)
      expect(lookup?.rejected).toEqual([])
      const spans = lookup!.trace.spans
      expect(lookup!.trace.traceId).toBe(slow.traceId)
      expect(spans.find((span) => span.spanId === slow.spanId)).toMatchObject({
        service: SLOW.service,
        operation: SLOW.operation,
        durationUs: slow.durationUs,
        startUs: slow.startUs,
        error: slow.error,
      })
      const root = spans.find((span) => span.parentSpanId === null)
      expect({
        spanCount: spans.length,
        serviceCount: new Set(spans.map((span) => span.service)).size,
        rootService: root?.service,
        rootOperation: root?.operation,
      }).toEqual({
        spanCount: slow.spanCount,
        serviceCount: slow.serviceCount,
        rootService: slow.rootService,
        rootOperation: slow.rootOperation,
      })
    }
  })

  test('findSlowTraces: a floor nothing reaches finds nothing', async () => {
    expect(await clients[api].findSlowTraces({ ...SLOW, minDurationUs: 3_600_000_000 })).toEqual({ traces: [], searched: 0, rejected: 0 })
  })

  test('getTrace: an error span keeps its status message and its exception event', async () => {
    const [burstTrace] = jaeger.simulator.findTraces({
      serviceName: 'payment-gateway',
      attributes: new Map([['error', 'true']]),
      startTimeMinUs: BURST.startUs,
      startTimeMaxUs: BURST.endUs,
      searchDepth: 1,
    })
    const lookup = await clients[api].getTrace(burstTrace!.traceId)
    const failed = lookup!.trace.spans.find((span) => span.service === 'payment-gateway' && span.error && span.statusMessage !== null)
    expect(failed).toMatchObject({
      statusMessage: 'acquirer did not answer within 3s',
      events: [
        {
          name: 'exception',
          attributes: [
            { key: 'exception.escaped', value: true },
            { key: 'exception.message', value: 'acquirer did not answer within 3s' },
            { key: 'exception.type', value: 'context.DeadlineExceeded' },
          ],
        },
      ],
    })
    expect(failed!.resource).toContainEqual({ key: 'service.name', value: 'payment-gateway' })
  })

  test.each([
    ['an id no demo trace has', 'd0000000000000000000000000000001'],
    ['a well-formed 64-bit id', '00000000000000ff'],
  ])('getTrace: %s → null', async (_label, traceId) => {
    expect(await clients[api].getTrace(traceId)).toBeNull()
  })
})

test('both APIs open the same trace alike: spans, parents, status, events and resource', async () => {
  const [slow] = (await clients.v3.findSlowTraces({ ...SLOW, limit: 1 })).traces
  const [fromV3, fromClassic] = await Promise.all([clients.v3.getTrace(slow!.traceId), clients.classic.getTrace(slow!.traceId)])
  expect(fromV3!.trace.spans.length).toBeGreaterThan(1)
  expect(fromClassic!.trace.spans.map(comparable)).toEqual(fromV3!.trace.spans.map(comparable))
  expect(fromClassic!.trace.warnings).toEqual(fromV3!.trace.warnings)
})

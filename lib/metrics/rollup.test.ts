import { afterAll, describe, expect, test } from 'vitest'
import { startDemoJaeger } from '../../demo/start-demo-jaeger'
import { JaegerClient } from '@/lib/jaeger/client'
import { computeTraceQuality, traceOwner } from '@/lib/traces/quality'
import type { Span, Trace } from '@/lib/traces/span'
import { computeWindowRollups, samplingWeight, type WindowRollups } from './rollup'
import { mergeWindowRollups } from './merge-window-rollups'
import { MINUTE_US } from '@/lib/time/time-buckets'

const T0 = Date.UTC(2026, 10, 24, 9, 0) * 1000
const WINDOW = { service: 'ledger', startUs: T0, endUs: T0 + 5 * MINUTE_US }

let nextId = 1
function span(overrides: Partial<Span> = {}): Span {
  return {
    traceId: 'a'.repeat(32),
    spanId: (nextId++).toString(16).padStart(16, '0'),
    parentSpanId: null,
    service: 'ledger',
    operation: 'SELECT entries',
    kind: 'client',
    startUs: T0 + 10_000_000,
    durationUs: 2000,
    error: false,
    isHttp: false,
    httpRoute: null,
    httpStatusCode: null,
    serviceVersion: '3.3.0',
    samplerType: 'probabilistic',
    samplerParam: 0.1,
    warnings: [],
    ...overrides,
  }
}
const trace = (...spans: Span[]): Trace => ({ traceId: spans[0]!.traceId, spans, warnings: [] })
const rollup = (traces: Trace[], options?: Parameters<typeof computeWindowRollups>[2]) => computeWindowRollups(traces, WINDOW, options)
const minute = (r: WindowRollups, n: number) => r.serviceRollups.find((s) => s.bucketStartUs === T0 + n * MINUTE_US)

describe('computeWindowRollups', () => {
  test('counts only its own service, only spans starting in the window, per minute', () => {
    const root = span({ service: 'gateway', kind: 'server', startUs: T0 + 5_000_000 })
    const r = rollup([
      trace(
        root,
        span({ parentSpanId: root.spanId, startUs: T0 + 10_000_000, durationUs: 1000 }),
        span({ parentSpanId: root.spanId, startUs: T0 + 70_000_000, durationUs: 3000, error: true }),
        span({ parentSpanId: root.spanId, startUs: WINDOW.endUs, durationUs: 9 }), // next window's
        span({ parentSpanId: root.spanId, startUs: T0 - 1, durationUs: 9 }), // previous window's
      ),
    ])
    expect(r.spans).toBe(2)
    expect(r.spanRollups.map((s) => [s.bucketStartUs - T0, s.spanCount, s.errorCount, s.durationSumUs, s.durationMaxUs])).toEqual([
      [0, 1, 0, 1000, 1000],
      [MINUTE_US, 1, 1, 3000, 3000],
    ])
    expect(r.spanRollups[1]!.histogram.quantile(0.5)).toBeCloseTo(3000, -2)
  })

  test('a trace is "seen" at the service earliest span: not here if that span is in an earlier window', () => {
    const early = trace(span({ startUs: T0 - 30_000_000 }), span({ startUs: T0 + 1_000_000 }))
    const here = trace(
      span({ traceId: 'b'.repeat(32), startUs: T0 + 2 * MINUTE_US + 5 }),
      span({ traceId: 'b'.repeat(32), startUs: T0 + 3 * MINUTE_US }),
    )
    const r = rollup([early, here])
    expect(r.traces).toBe(1)
    expect(minute(r, 2)?.tracesSeen).toBe(1)
    expect(minute(r, 0)?.tracesSeen).toBe(0)
  })

  test('a trace is owned by its root span service only, and counted complete when whole', () => {
    const gatewayRoot = span({ service: 'gateway', kind: 'server' })
    const owned = span({ traceId: 'c'.repeat(32), kind: 'server', startUs: T0 + 4 * MINUTE_US })
    const r = rollup([trace(gatewayRoot, span({ parentSpanId: gatewayRoot.spanId })), trace(owned)])
    expect(r.serviceRollups.reduce((sum, s) => sum + s.rootTraces, 0)).toBe(1)
    expect(minute(r, 4)).toMatchObject({ rootTraces: 1, rootTracesComplete: 1, tracesSeen: 1, tracesComplete: 1 })
  })

  test('orphans, clock skew, warnings and coverage are counted on the service own spans', () => {
    const client = span({ service: 'gateway', kind: 'client', startUs: T0 + 1_000_000, durationUs: 1000 })
    const r = rollup([
      trace(
        client,
        span({
          parentSpanId: client.spanId,
          kind: 'server',
          startUs: T0 + 900_000,
          httpRoute: '/entries',
          isHttp: true,
          httpStatusCode: 200,
          warnings: ['clock skew adjustment disabled'],
        }),
        span({ parentSpanId: 'ffffffffffffffff', isHttp: true, serviceVersion: null, samplerParam: null }),
      ),
    ])
    expect(minute(r, 0)).toMatchObject({
      spans: 2,
      orphanSpans: 1,
      skewedSpans: 1,
      warningSpans: 1,
      serverSpans: 1,
      serverSpansWithRoute: 1,
      httpSpans: 2,
      httpSpansWithStatus: 1,
      spansWithVersion: 1,
      spansWithSampler: 1,
      samplerParamSum: 0.1,
      tracesSeen: 1,
      tracesComplete: 0,
    })
  })

  test('estimates use the sampler that decided (the root), times any window sampling', () => {
    const root = span({ service: 'gateway', samplerParam: 0.1 })
    const r = rollup([trace(root, span({ parentSpanId: root.spanId, samplerParam: 0.5, error: true }))], { extrapolation: 2 })
    expect(r.spanRollups[0]).toMatchObject({ spanCount: 1, estimatedSpanCount: 20, estimatedErrorCount: 20 })
  })

  test('entry spans (server and consumer) carry the service RED metrics and its latency histogram', () => {
    const root = span({ service: 'gateway', kind: 'client' })
    const r = rollup([
      trace(
        root,
        span({ parentSpanId: root.spanId, kind: 'server', durationUs: 5000, error: true }),
        span({ parentSpanId: root.spanId, kind: 'consumer', durationUs: 7000 }),
        span({ parentSpanId: root.spanId, kind: 'client', durationUs: 99_000 }), // a call it made: not an entry
      ),
    ])
    expect(minute(r, 0)).toMatchObject({ entrySpans: 2, entryErrors: 1, entryDurationSumUs: 12_000 })
    expect(minute(r, 0)!.entryHistogram.count).toBe(2)
    expect(minute(r, 0)!.entryHistogram.quantile(1)).toBeLessThan(7100)
  })

  test('callers: calls into the service from another service, counted on the callee span; own-service parents and orphans are not calls', () => {
    const gateway = span({ service: 'gateway', kind: 'client', startUs: T0 + 1_000_000 })
    const payments = span({ service: 'payments', kind: 'client', startUs: T0 + 2_000_000 })
    const served = span({ parentSpanId: gateway.spanId, kind: 'server', startUs: T0 + 3_000_000 })
    const r = rollup([
      trace(
        gateway,
        payments,
        served,
        span({ parentSpanId: served.spanId, startUs: T0 + 4_000_000 }), // ledger → ledger: not a call
        span({ parentSpanId: gateway.spanId, kind: 'server', startUs: T0 + 9 * MINUTE_US, error: true }),
        span({ parentSpanId: payments.spanId, kind: 'server', startUs: T0 + 5_000_000, error: true }),
        span({ parentSpanId: payments.spanId, kind: 'server', startUs: WINDOW.endUs }), // next window's
        span({ parentSpanId: 'f'.repeat(16), kind: 'server', startUs: T0 + 6_000_000 }), // orphan: caller unknown
      ),
    ])
    expect(r.callers.sort((a, b) => a.caller.localeCompare(b.caller))).toEqual([
      { caller: 'gateway', calls: 1, errors: 0, firstSeenUs: T0 + 3_000_000, lastSeenUs: T0 + 3_000_000 },
      { caller: 'payments', calls: 1, errors: 1, firstSeenUs: T0 + 5_000_000, lastSeenUs: T0 + 5_000_000 },
    ])
  })

  test('spans whose names had to be cleaned are counted per minute; names cleaned alike share one row', () => {
    // Say 'GET /a\u0000' and 'GET /a\uD800': both normalise to 'GET /a\uFFFD', one rollup key.
    const cleaned = { operation: 'GET /a\uFFFD', textCleaned: true } as const
    const r = rollup([trace(span(cleaned), span(cleaned), span({ startUs: T0 + MINUTE_US }))])
    expect(r.spanRollups.filter((row) => row.operation === cleaned.operation).map((row) => row.spanCount)).toEqual([2])
    expect([minute(r, 0)?.cleanedTextSpans, minute(r, 1)?.cleanedTextSpans]).toEqual([2, 0])
  })

  test('rejected records are booked on the window first minute', () => {
    expect(minute(rollup([], { rejectedRecords: 3 }), 0)?.rejectedRecords).toBe(3)
  })
})

describe('samplingWeight', () => {
  test.each([
    ['probabilistic 10 %', 'probabilistic', 0.1, 10],
    ['OTel ratio sampler', 'parentbased_traceidratio', 0.25, 4],
    ['const 1', 'const', 1, 1],
    ['rate limiting has no basis', 'ratelimiting', 2, 1],
    ['no sampler tag', null, null, 1],
    ['nonsense param', 'probabilistic', 0, 1],
  ])('%s', (_label, type, param, weight) => expect(samplingWeight(type, param)).toBe(weight))
})

describe('exactly once across services and windows (demo fleet)', () => {
  test('every span of a 10-minute range is counted once: per service and in total, as the simulator counts', async () => {
    const anchorMs = Date.UTC(2026, 10, 20, 12, 0)
    const jaeger = await startDemoJaeger({ port: 0, anchor: new Date(anchorMs), now: () => anchorMs + 3_600_000 })
    afterAll(() => jaeger.close())
    const client = new JaegerClient({ baseUrl: jaeger.url, timeoutMs: 5000 })
    const startUs = (anchorMs - 20 * 60_000) * 1000
    const windows = [0, 1].map((i) => ({ startUs: startUs + i * 5 * MINUTE_US, endUs: startUs + (i + 1) * 5 * MINUTE_US }))
    const perService: Record<string, number> = {}
    const fetched = new Map<string, Trace>()
    let ownedTraces = 0
    for (const service of await client.listServices()) {
      for (const window of windows) {
        const { traces } = await client.searchTraces({ service, ...window, limit: 100_000 })
        const r = computeWindowRollups(traces, { service, ...window })
        perService[service] = (perService[service] ?? 0) + r.spans
        ownedTraces += r.serviceRollups.reduce((sum, s) => sum + s.rootTraces, 0)
        for (const t of traces) fetched.set(t.traceId, t)
      }
    }
    const exact = jaeger.simulator.exactCounts({ startUs, endUs: windows[1]!.endUs })
    expect(perService).toEqual(Object.fromEntries(Object.entries(exact.byService).map(([service, tally]) => [service, tally.spans])))
    expect(Object.values(perService).reduce((a, b) => a + b, 0)).toBe(exact.spans)
    // Each trace is owned exactly once: by the one window holding its owner span's start.
    const expectedOwned = [...fetched.values()].filter((t) => {
      const owner = traceOwner(t, computeTraceQuality(t))
      return owner !== null && owner.startUs >= startUs && owner.startUs < windows[1]!.endUs
    }).length
    expect(ownedTraces).toBe(expectedOwned)
    expect(ownedTraces).toBeGreaterThan(100)
  })
})

describe('mergeWindowRollups', () => {
  test('rollups of the pieces of a window merge into the rollup of the whole window', () => {
    const root = span({ service: 'gateway', kind: 'server' })
    const spans = [0, 20, 40, 70, 130].map((seconds, i) =>
      span({ parentSpanId: root.spanId, startUs: T0 + seconds * 1_000_000, durationUs: 1000 * (i + 1), error: i === 2 }),
    )
    const whole = rollup([trace(root, ...spans)])
    const cut = T0 + 30_000_000
    const pieces = [
      computeWindowRollups([trace(root, ...spans)], { ...WINDOW, endUs: cut }),
      computeWindowRollups([trace(root, ...spans)], { ...WINDOW, startUs: cut }),
    ]
    const merged = mergeWindowRollups(pieces)
    const comparable = (r: WindowRollups) => ({
      ...r,
      spanRollups: r.spanRollups
        .map((s) => ({ ...s, histogram: [...s.histogram.encode()] }))
        .sort((a, b) => a.bucketStartUs - b.bucketStartUs),
      serviceRollups: [...r.serviceRollups]
        .map((s) => ({ ...s, entryHistogram: [...s.entryHistogram.encode()] }))
        .sort((a, b) => a.bucketStartUs - b.bucketStartUs),
    })
    expect(comparable(merged)).toEqual(comparable(whole))
    expect(pieces[0]!.spanRollups[0]!.histogram.count).toBe(2) // inputs untouched
  })
})

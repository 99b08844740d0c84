import { describe, expect, test } from 'vitest'
import { MINUTE_US } from './scenario'
import type { SimSpan, SimTrace } from './simulated-trace'
import { createSimulator, type SimulatorOptions } from './simulator'
import { decodeTraceId, encodeTraceId } from './trace-id'
import { generateTrace } from './trace-generator'

const ANCHOR_MS = Date.parse('2025-11-20T12:00:00Z')
const ANCHOR_US = ANCHOR_MS * 1000
const HOUR_US = 60 * MINUTE_US
const DAY_US = 24 * HOUR_US
const options = (overrides: Partial<SimulatorOptions> = {}): SimulatorOptions => ({
  anchorMs: ANCHOR_MS,
  seed: 7,
  tracesPerMinute: 40,
  now: () => ANCHOR_MS + 30 * 60_000,
  ...overrides,
})

const spansOf = (traces: readonly SimTrace[], service: string) =>
  traces.flatMap((trace) => trace.spans.filter((span) => span.resource.serviceName === service))
const window = (simulator: ReturnType<typeof createSimulator>, service: string, startUs: number, endUs: number) =>
  simulator.findTraces({ serviceName: service, startTimeMinUs: startUs, startTimeMaxUs: endUs, searchDepth: -1 })

describe('determinism', () => {
  test('the same seed and anchor give the same traces, a different seed different ones', () => {
    const first = createSimulator(options())
    const second = createSimulator(options())
    const query = { startTimeMinUs: ANCHOR_US - 10 * MINUTE_US, startTimeMaxUs: ANCHOR_US, searchDepth: 50 }
    const a = first.findTraces(query)
    expect(a).toHaveLength(50)
    expect(JSON.stringify(second.findTraces(query))).toBe(JSON.stringify(a))
    const other = createSimulator(options({ seed: 8 })).findTraces(query)
    expect(other.map((trace) => trace.traceId)).not.toEqual(a.map((trace) => trace.traceId))
  })

  test('a trace regenerates from its id alone, without the minute in cache', () => {
    const traces = createSimulator(options()).findTraces({ startTimeMinUs: ANCHOR_US - HOUR_US, startTimeMaxUs: ANCHOR_US, searchDepth: 5 })
    const fresh = createSimulator(options())
    for (const trace of traces) expect(fresh.getTrace(trace.traceId)).toEqual(trace)
    expect(fresh.cacheStats().cachedMinutes).toBe(0)
  })
})

describe('trace ids', () => {
  test('encode minute and slot, and reject other seeds and unknown slots', () => {
    const id = encodeTraceId(7, 29_399_040, 12, 'abcdef0123456789')
    expect(id).toMatch(/^d[0-9a-f]{31}$/)
    expect(decodeTraceId(id)).toMatchObject({ minute: 29_399_040, slot: 12, randomHex: 'abcdef0123456789' })
    const simulator = createSimulator(options())
    const real = simulator.findTraces({ startTimeMinUs: ANCHOR_US - HOUR_US, startTimeMaxUs: ANCHOR_US, searchDepth: 1 })[0]!
    expect(simulator.getTrace(real.traceId)).not.toBeNull()
    expect(createSimulator(options({ seed: 8 })).getTrace(real.traceId)).toBeNull()
    expect(simulator.getTrace(encodeTraceId(7, real.minute, 9_999, real.traceId.slice(16)))).toBeNull()
    expect(simulator.getTrace(`${real.traceId.slice(0, 31)}${real.traceId.endsWith('0') ? '1' : '0'}`)).toBeNull()
  })

  test('nothing that ends after now is returned, by search or by id', () => {
    const now = ANCHOR_MS
    const simulator = createSimulator(options({ now: () => now }))
    const recent = simulator.findTraces({ startTimeMinUs: ANCHOR_US - MINUTE_US, startTimeMaxUs: ANCHOR_US + HOUR_US, searchDepth: -1 })
    expect(recent.length).toBeGreaterThan(0)
    for (const trace of recent) expect(trace.visibleFromUs).toBeLessThanOrEqual(ANCHOR_US)
    const later = createSimulator(options({ now: () => now + 10 * 60_000 })).findTraces({
      startTimeMinUs: ANCHOR_US,
      startTimeMaxUs: ANCHOR_US + HOUR_US,
      searchDepth: 1,
    })[0]!
    expect(simulator.getTrace(later.traceId)).toBeNull()
  })
})

describe('rollout', () => {
  const simulator = createSimulator(options())

  test('a service not instrumented yet has no spans; its callers still call it', () => {
    const loanCallers = window(simulator, 'api-gateway', ANCHOR_US - 10 * MINUTE_US, ANCHOR_US)
      .flatMap((trace) => trace.spans)
      .filter((span) => span.name === 'GET /offers')
    expect(loanCallers.length).toBeGreaterThan(0)
    const ids = new Set(
      window(simulator, 'api-gateway', ANCHOR_US - 10 * MINUTE_US, ANCHOR_US).flatMap((trace) =>
        trace.spans.map((span) => span.parentSpanId),
      ),
    )
    for (const call of loanCallers) expect(ids.has(call.spanId)).toBe(false)
    for (const service of ['loan-service', 'predictive-analytics', 'reporting-service', 'document-service', 'reconciliation-service']) {
      expect(simulator.exactCounts({ service, startUs: ANCHOR_US - 30 * MINUTE_US, endUs: ANCHOR_US }).spans).toBe(0)
      expect(simulator.listServices()).not.toContain(service)
    }
  })

  test('a rolled-out service emits only from its rollout day on', () => {
    const count = (service: string, endUs: number) => simulator.exactCounts({ service, startUs: endUs - 15 * MINUTE_US, endUs }).spans
    expect(count('statement-service', ANCHOR_US - 3 * DAY_US - HOUR_US)).toBe(0)
    expect(count('statement-service', ANCHOR_US - 3 * DAY_US + 3 * HOUR_US)).toBeGreaterThan(0)
    expect(count('api-gateway', ANCHOR_US - 14 * DAY_US + HOUR_US)).toBeGreaterThan(0)
    expect(count('api-gateway', ANCHOR_US - 14 * DAY_US - HOUR_US)).toBe(0)
  })
})

describe('fleet traffic', () => {
  const simulator = createSimulator(options())
  const lastHour = simulator.findTraces({ startTimeMinUs: ANCHOR_US - HOUR_US, startTimeMaxUs: ANCHOR_US, searchDepth: -1 })
  const allSpans = lastHour.flatMap((trace) => trace.spans)

  test('records head sampling on every resource: 10 %, except the batch job and the webhook receiver', () => {
    const samplers = new Map(
      allSpans.map((span) => [
        span.resource.serviceName,
        Object.fromEntries(span.resource.attributes.filter((a) => a.key.startsWith('sampler.')).map((a) => [a.key, a.value])),
      ]),
    )
    expect(samplers.get('payment-gateway')).toEqual({ 'sampler.type': 'probabilistic', 'sampler.param': 0.1 })
    expect(samplers.get('settlement-service')).toEqual({ 'sampler.type': 'const', 'sampler.param': 1 })
    expect(samplers.get('kyc-service')).toEqual({ 'sampler.type': 'probabilistic', 'sampler.param': 0.5 })
  })

  test('leaves key attributes out where the fleet says so', () => {
    const serverSpans = (service: string) => allSpans.filter((span) => span.resource.serviceName === service && span.kind === 2)
    const keys = (span: SimSpan) => span.attributes.map((attribute) => attribute.key)
    expect(serverSpans('merchant-service').every((span) => !keys(span).includes('http.route') && span.name === 'GET')).toBe(true)
    expect(
      serverSpans('statement-service').every(
        (span) => keys(span).includes('http.status_code') && !keys(span).includes('http.response.status_code'),
      ),
    ).toBe(true)
    expect(
      spansOf(lastHour, 'user-profile-service').every((span) => !span.resource.attributes.some((a) => a.key === 'service.version')),
    ).toBe(true)
    expect(spansOf(lastHour, 'account-service').every((span) => span.resource.attributes.some((a) => a.key === 'service.version'))).toBe(
      true,
    )
  })

  test('notification-service consumes payment events with a parent that was never reported (orphans)', () => {
    const orphans = lastHour.flatMap((trace) => {
      const ids = new Set(trace.spans.map((span) => span.spanId))
      return trace.spans.filter((span) => span.parentSpanId !== '' && !ids.has(span.parentSpanId))
    })
    expect(orphans.length).toBeGreaterThan(10)
    expect(new Set(orphans.map((span) => `${span.resource.serviceName} ${span.name}`))).toEqual(
      new Set(['notification-service process payments.events']),
    )
  })

  test('fraud-detection hosts lag and one ledger host runs fast: children outside their parents', () => {
    const skewed = lastHour.flatMap((trace) => {
      const byId = new Map(trace.spans.map((span) => [span.spanId, span]))
      return trace.spans.filter((span) => {
        const parent = byId.get(span.parentSpanId)
        return (
          parent &&
          parent.resource.serviceName !== span.resource.serviceName &&
          (span.startUs < parent.startUs || span.startUs + span.durationUs > parent.startUs + parent.durationUs)
        )
      })
    })
    const services = new Set(skewed.map((span) => span.resource.serviceName))
    expect(services.has('fraud-detection')).toBe(true)
    expect(services.has('ledger-service')).toBe(true)
  })

  test('volume: 20–40k spans in an hour around midday', () => {
    expect(allSpans.length).toBeGreaterThan(20_000)
    expect(allSpans.length).toBeLessThan(40_000)
  })
})

describe('exactCounts', () => {
  test('agree with a complete search of the same window', () => {
    const simulator = createSimulator(options())
    const startUs = ANCHOR_US - 5 * MINUTE_US
    const endUs = startUs + 2 * MINUTE_US
    for (const service of ['payment-gateway', 'fraud-detection', 'notification-service']) {
      const counts = simulator.exactCounts({ service, startUs, endUs })
      const found = window(simulator, service, startUs, endUs - 1)
      const spans = spansOf(found, service).filter((span) => span.startUs >= startUs && span.startUs < endUs)
      expect(counts.spans).toBeGreaterThan(0)
      expect(spans).toHaveLength(counts.spans)
      expect(spans.filter((span) => span.statusCode === 2)).toHaveLength(counts.errors)
      expect(found).toHaveLength(counts.traces)
      expect(Object.values(counts.byOperation).reduce((sum, operation) => sum + operation.spans, 0)).toBe(counts.spans)
    }
  })
})

describe('memory', () => {
  test('reading hours of traffic window by window keeps at most cacheMinutes minutes', () => {
    const simulator = createSimulator(options({ cacheMinutes: 15 }))
    for (let endUs = ANCHOR_US - 2 * HOUR_US; endUs <= ANCHOR_US; endUs += 5 * MINUTE_US)
      simulator.exactCounts({ startUs: endUs - 5 * MINUTE_US, endUs })
    const stats = simulator.cacheStats()
    expect(stats.cachedMinutes).toBe(15)
    expect(stats.generatedMinutes).toBeGreaterThan(100)
  })

  test('one long scan passes through without filling the cache', () => {
    const simulator = createSimulator(options({ cacheMinutes: 15 }))
    simulator.findTraces({ startTimeMinUs: ANCHOR_US - 3 * HOUR_US, startTimeMaxUs: ANCHOR_US, searchDepth: -1 })
    simulator.dependencies(ANCHOR_US - 3 * HOUR_US, ANCHOR_US)
    expect(simulator.cacheStats().cachedMinutes).toBe(0)
  })
})

test('a trace is a tree of emitted spans whose parents precede them', () => {
  const simulator = createSimulator(options())
  const trace = generateTrace(simulator.scenario, Math.floor(ANCHOR_US / MINUTE_US) - 3, 0)
  expect(trace.spans[0]!.parentSpanId).toBe('')
  const seen = new Set<string>()
  for (const span of trace.spans) {
    if (span.parentSpanId && span.resource.serviceName !== 'notification-service') expect(seen.has(span.parentSpanId)).toBe(true)
    seen.add(span.spanId)
  }
})

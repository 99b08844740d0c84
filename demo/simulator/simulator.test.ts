import { describe, expect, test } from 'vitest'
import { MINUTE_US } from './scenario'
import type { SimSpan, SimTrace } from './simulated-trace'
import { createSimulator, type SimulatorOptions } from './simulator'
import { decodeTraceId, encodeTraceId } from './trace-id'
import { generateTraces } from './trace-generator'

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
    for (const service of ['loan-service', 'reporting-service', 'document-service', 'onboarding-service', 'reconciliation-service']) {
      expect(simulator.exactCounts({ service, startUs: ANCHOR_US - 30 * MINUTE_US, endUs: ANCHOR_US }).spans).toBe(0)
      expect(simulator.listServices()).not.toContain(service)
    }
  })

  test('a rolled-out service emits only from its rollout day on', () => {
    const count = (service: string, endUs: number) => simulator.exactCounts({ service, startUs: endUs - 15 * MINUTE_US, endUs }).spans
    expect(count('statement-service', ANCHOR_US - 3 * DAY_US - HOUR_US)).toBe(0)
    expect(count('statement-service', ANCHOR_US - 3 * DAY_US + 3 * HOUR_US)).toBeGreaterThan(0)
    expect(count('api-gateway', ANCHOR_US - 10 * DAY_US + HOUR_US)).toBeGreaterThan(0)
    expect(count('api-gateway', ANCHOR_US - 10 * DAY_US - HOUR_US)).toBe(0)
  })

  test('the pilot, before its callers were traced, reports whole traces of its own', () => {
    const startUs = ANCHOR_US - 15 * DAY_US
    const traces = window(simulator, 'predictive-analytics', startUs, startUs + HOUR_US)
    expect(traces.length).toBeGreaterThan(50)
    expect(simulator.exactCounts({ startUs, endUs: startUs + HOUR_US }).traces).toBe(traces.length)
    for (const trace of traces) {
      expect(new Set(trace.spans.map((span) => span.resource.serviceName))).toEqual(new Set(['predictive-analytics']))
      expect(trace.spans.filter((span) => span.parentSpanId === '').map((span) => span.name)).toEqual(['POST /v1/predict'])
    }
  })

  test('a traced service behind an untraced one starts its own trace, which can be read back by id', () => {
    // kyc-service is traced, onboarding-service (its caller) is not yet.
    const traces = window(simulator, 'kyc-service', ANCHOR_US - HOUR_US, ANCHOR_US).filter((trace) =>
      trace.spans.some((span) => span.name === 'POST /checks' && span.parentSpanId === ''),
    )
    expect(traces.length).toBeGreaterThan(5)
    const fresh = createSimulator(options())
    for (const trace of traces.slice(0, 5)) expect(fresh.getTrace(trace.traceId)).toEqual(trace)
    // The rest of the slot's work is reported as other whole traces: the gateway's, user-profile-service's
    // and the notification-service consumer's (onboarding-service called and published without context).
    const { minute, slot } = traces[0]!
    const siblings = fresh
      .findTraces({ startTimeMinUs: ANCHOR_US - HOUR_US, startTimeMaxUs: ANCHOR_US, searchDepth: -1 })
      .filter((other) => other.minute === minute && other.slot === slot && other.traceId !== traces[0]!.traceId)
    expect(siblings.map((sibling) => sibling.spans[0]!.name).sort()).toEqual([
      'POST /users',
      'POST /v1/onboarding/applications',
      'process onboarding.events',
    ])
    for (const sibling of siblings) expect(sibling.spans[0]!.parentSpanId).toBe('')
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

  const orphansOf = (trace: SimTrace) => {
    const ids = new Set(trace.spans.map((span) => span.spanId))
    return trace.spans.filter((span) => span.parentSpanId !== '' && !ids.has(span.parentSpanId))
  }

  test('orphans come only from the two propagation bugs, in traces of the service that has them', () => {
    const broken = lastHour.filter((trace) => orphansOf(trace).length > 0)
    const orphans = broken.flatMap(orphansOf)
    expect(orphans.length).toBeGreaterThan(3)
    expect(new Set(orphans.map((span) => `${span.resource.serviceName} ${span.name}`))).toEqual(
      new Set(['notification-service process payments.events', 'kyc-service POST /webhooks/vendor']),
    )
    // A dropped trace id puts the consumer in a trace of its own: the payment's trace stays whole.
    for (const trace of broken.filter((candidate) => orphansOf(candidate)[0]!.resource.serviceName === 'notification-service'))
      expect(new Set(trace.spans.map((span) => span.resource.serviceName))).toEqual(new Set(['notification-service']))
  })

  test('trace reliability: close to 99.9 % fleet-wide, notification-service alone below 99 %', () => {
    const day = simulator.findTraces({ startTimeMinUs: ANCHOR_US - 12 * HOUR_US, startTimeMaxUs: ANCHOR_US, searchDepth: -1 })
    const whole = (trace: SimTrace) => orphansOf(trace).length === 0 && trace.spans.filter((span) => span.parentSpanId === '').length === 1
    const byService = new Map<string, { seen: number; complete: number }>()
    for (const trace of day)
      for (const service of new Set(trace.spans.map((span) => span.resource.serviceName))) {
        const tally = byService.get(service) ?? { seen: 0, complete: 0 }
        tally.seen++
        if (whole(trace)) tally.complete++
        byService.set(service, tally)
      }
    const fleet = day.filter(whole).length / day.length
    expect(fleet).toBeGreaterThan(0.995)
    expect(fleet).toBeLessThan(0.999)
    const below = [...byService].filter(([, tally]) => tally.complete / tally.seen < 0.99).map(([service]) => service)
    expect(below).toEqual(['notification-service'])
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
  for (let slot = 0; slot < 20; slot++)
    for (const trace of generateTraces(simulator.scenario, Math.floor(ANCHOR_US / MINUTE_US) - 3, slot)) {
      const seen = new Set<string>()
      for (const [index, span] of trace.spans.entries()) {
        // The first span may be an orphan (a propagation bug); every later one has its parent before it.
        if (index > 0) expect(seen.has(span.parentSpanId)).toBe(true)
        seen.add(span.spanId)
      }
    }
})

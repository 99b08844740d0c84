import { describe, expect, it } from 'vitest'
import { bandOf, type Baseline } from '@/lib/metrics/schemas'
import { histogramOf } from '@/lib/metrics/histogram'
import { operationKey } from '@/lib/metrics/operation-key'
import { alertRuleInput, type AlertRuleInput } from './schemas'
import { computeRuleValues, WindowCache, type OperationMinute, type ServiceSamples } from './rule-values'

const AT = Date.UTC(2026, 11, 6, 12, 0)
const MINUTE = 60_000

/** `count` spans of `ms` each, in the minute starting `minutesBefore` before AT. */
const minute = (minutesBefore: number, ms: number, count: number, errors = 0): OperationMinute => ({
  bucketStartMs: AT - minutesBefore * MINUTE,
  spans: count,
  errors,
  histogram: histogramOf(Array.from({ length: count }, () => ms * 1000)).encode(),
})

const rule = (input: Partial<AlertRuleInput> & Pick<AlertRuleInput, 'condition'>) =>
  alertRuleInput.parse({ name: 'Test', selector: { service: 'checkout' }, window: '5m', ...input })

const plain = (p95CenterUs: number): Baseline => ({
  state: 'ready',
  kind: 'plain',
  windowStartUs: 0,
  windowEndUs: 1,
  points: 100,
  k: 3,
  bands: { p50: bandOf(p95CenterUs / 2, 1000, 3), p95: bandOf(p95CenterUs, 10_000, 3), p99: bandOf(p95CenterUs * 2, 1000, 3) },
})

const samples = (overrides: Partial<ServiceSamples> = {}): ServiceSamples => ({
  service: 'checkout',
  operations: [
    // Slow for the last 3 minutes; a slow minute just outside the 5-minute window does not count.
    {
      operation: 'POST /api/pay',
      spanKind: 'server',
      minutes: [minute(6, 900, 50), minute(5, 100, 50), minute(4, 100, 50), minute(3, 400, 50), minute(2, 400, 50), minute(1, 400, 50)],
    },
    { operation: 'GET /api/cart', spanKind: 'server', minutes: [minute(1, 20, 4, 2)] },
    { operation: 'SELECT carts', spanKind: 'client', minutes: [minute(1, 5, 30)] },
  ],
  minutes: [
    { bucketStartMs: AT - 2 * MINUTE, spans: 100, rootTraces: 40, rootTracesComplete: 39 },
    { bucketStartMs: AT - MINUTE, spans: 100, rootTraces: 60, rootTracesComplete: 55 },
  ],
  lastSpanAtMs: AT,
  baselines: new Map([[operationKey('POST /api/pay', 'server'), plain(150_000)]]),
  deployments: [],
  ...overrides,
})

const values = (input: Parameters<typeof rule>[0], over = samples()) =>
  computeRuleValues(rule(input), over, AT, new WindowCache()).map(({ labels, value, holds, spans }) => ({ labels, value, holds, spans }))

describe('computeRuleValues', () => {
  it('takes a percentile over the window [at − window, at) of each matched operation', () => {
    const [pay, cart, select] = values({ condition: { kind: 'latency_threshold', percentile: 'p95', aboveMs: 300 } })
    expect(pay!.labels).toEqual({
      alertname: 'Test',
      service: 'checkout',
      operation: 'POST /api/pay',
      span_kind: 'server',
      severity: 'warning',
    })
    expect(pay!.spans).toBe(250)
    expect(pay!.value).toBeCloseTo(400, -1) // ≤ 1 % histogram error; the 900 ms minute is outside the window
    expect(pay!.holds).toBe(true)
    expect(cart!.holds).toBe(false)
    expect(select!.labels.span_kind).toBe('client')
  })

  it('matches operations by glob and by span kind, and skips series below the traffic guard', () => {
    const matched = values({
      condition: { kind: 'latency_threshold', percentile: 'p50', aboveMs: 1 },
      selector: { service: 'checkout', operation: '* /api/*', spanKind: 'server' },
      minSpans: 10,
    })
    expect(matched.map((value) => value.labels.operation)).toEqual(['POST /api/pay'])
    expect(values({ condition: { kind: 'error_rate', above: 0.1 }, selector: { service: 'payments' } })).toEqual([])
  })

  it('divides errors by spans for error-rate rules', () => {
    const cart = values({ condition: { kind: 'error_rate', above: 0.25 }, selector: { service: 'checkout', operation: 'GET *' } })
    expect(cart).toEqual([expect.objectContaining({ value: 0.5, holds: true, spans: 4 })])
  })

  it('compares p95 with the baseline: as a factor of its centre, or as a deviation score', () => {
    const [factor] = values({ condition: { kind: 'latency_baseline', factor: 2 }, selector: { service: 'checkout', operation: 'POST *' } })
    expect(factor!.value).toBeCloseTo(400 / 150, 1)
    expect(factor!.holds).toBe(true)
    const [deviation] = values({
      condition: { kind: 'latency_baseline', deviation: 30 },
      selector: { service: 'checkout', operation: 'POST *' },
    })
    expect(deviation!.value).toBeCloseTo((400_000 - 150_000) / 10_000, -1)
    expect(deviation!.holds).toBe(false)
    // No baseline for the other operations: no value, never a guess.
    expect(values({ condition: { kind: 'latency_baseline', factor: 2 } })).toHaveLength(1)
  })

  it('reads trace reliability per service: complete over seen root traces in the window', () => {
    expect(values({ condition: { kind: 'trace_reliability', below: 0.99 } })).toEqual([
      { labels: { alertname: 'Test', service: 'checkout', severity: 'warning' }, value: 94 / 100, holds: true, spans: 200 },
    ])
  })

  it('counts minutes of silence for no-data rules, and never alerts on a service that never sent spans', () => {
    const silent = samples({ lastSpanAtMs: AT - 12 * MINUTE })
    expect(values({ condition: { kind: 'no_data', silentFor: '10m' } }, silent)).toEqual([
      expect.objectContaining({ value: 12, holds: true }),
    ])
    expect(values({ condition: { kind: 'no_data', silentFor: '15m' } }, silent)[0]!.holds).toBe(false)
    expect(values({ condition: { kind: 'no_data', silentFor: '10m' } }, samples({ lastSpanAtMs: null }))).toEqual([])
  })

  it('puts the rule labels under the series labels, which the schema keeps them from overriding', () => {
    const [first] = values({ condition: { kind: 'error_rate', above: 0 }, labels: { team: 'payments' } })
    expect(first!.labels).toMatchObject({ team: 'payments', alertname: 'Test' })
    expect(() => rule({ condition: { kind: 'error_rate', above: 0 }, labels: { service: 'x' } })).toThrow(/set by Spanlens/)
  })

  it('keeps the figures of each service apart in a cache shared by a whole pass', () => {
    const cache = new WindowCache()
    const slowRule = rule({
      condition: { kind: 'latency_threshold', percentile: 'p95', aboveMs: 300 },
      selector: { service: '*', operation: 'POST *' },
    })
    const fast = samples({
      service: 'ledger',
      operations: [{ operation: 'POST /api/pay', spanKind: 'server', minutes: [minute(2, 100, 50), minute(1, 100, 50)] }],
    })
    const checkoutSamples = samples()
    const [checkout] = computeRuleValues(slowRule, checkoutSamples, AT, cache)
    const [ledger] = computeRuleValues(slowRule, fast, AT, cache)
    expect([checkout!.labels.service, checkout!.holds]).toEqual(['checkout', true])
    expect([ledger!.labels.service, ledger!.holds, ledger!.spans]).toEqual(['ledger', false, 100])
    // The same series over another window, and another selector over the same series, are figured afresh.
    const [wide] = computeRuleValues({ ...slowRule, window: 600 }, checkoutSamples, AT, cache)
    expect(wide!.spans).toBe(300)
    expect(computeRuleValues({ ...slowRule, selector: { service: '*', spanKind: 'client' } }, checkoutSamples, AT, cache)).toEqual([
      expect.objectContaining({ labels: expect.objectContaining({ operation: 'SELECT carts' }) }),
    ])
  })
})

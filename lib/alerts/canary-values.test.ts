import { describe, expect, test } from 'vitest'
import { computeCanaryValues, type CanaryDeployment } from './canary-values'
import { computeRuleValues, WindowCache, type ServiceSamples } from './rule-values'
import { alertRuleInput } from './schemas'

const rule = alertRuleInput.parse({
  name: 'CanaryFails',
  condition: { kind: 'canary_regression' },
  selector: { service: 'check*' },
  severity: 'critical',
  labels: { team: 'payments' },
})

const deployment = (overrides: Partial<CanaryDeployment> = {}): CanaryDeployment => ({
  id: '6f1c0e2a-4b55-4a7e-9a43-0d1f6b0a9e21',
  service: 'checkout',
  version: '2.4.0',
  baselineVersion: '2.3.1',
  verdict: 'fail',
  failingMetrics: 2,
  reason: 'p95 is 31 % higher on the canary (182 ms vs 139 ms)',
  score: 40,
  ...overrides,
})

describe('computeCanaryValues', () => {
  test('one series per judged deployment, labelled with its service, version and baseline version', () => {
    expect(computeCanaryValues(rule, [deployment()])).toEqual([
      {
        labels: {
          team: 'payments',
          alertname: 'CanaryFails',
          service: 'checkout',
          version: '2.4.0',
          baseline_version: '2.3.1',
          severity: 'critical',
        },
        value: 2,
        threshold: 0,
        holds: true,
        spans: 0,
        canary: {
          reason: 'p95 is 31 % higher on the canary (182 ms vs 139 ms)',
          score: 40,
          url: '/deployments/6f1c0e2a-4b55-4a7e-9a43-0d1f6b0a9e21',
        },
      },
    ])
  })

  test.each<[string, Partial<CanaryDeployment>, { value: number; holds: boolean } | null]>([
    ['fail: its failing metrics', { verdict: 'fail', failingMetrics: 3 }, { value: 3, holds: true }],
    ['fail with a judgement that does not count its metrics: 1', { verdict: 'fail', failingMetrics: null }, { value: 1, holds: true }],
    ['fail with no metric marked failing still holds', { verdict: 'fail', failingMetrics: 0 }, { value: 1, holds: true }],
    ['marginal: 0, not holding', { verdict: 'marginal', failingMetrics: 0 }, { value: 0, holds: false }],
    ['pass: 0, not holding', { verdict: 'pass', failingMetrics: 0 }, { value: 0, holds: false }],
    ['not enough data: no value', { verdict: 'not_enough_data', failingMetrics: null }, null],
    ['not judged yet: no value', { verdict: null, failingMetrics: null }, null],
  ])('%s', (_label, overrides, expected) => {
    const [value] = computeCanaryValues(rule, [deployment(overrides)])
    expect(value ? { value: value.value, holds: value.holds } : null).toEqual(expected)
  })

  test('without a baseline version there is no baseline_version label; a missing reason says the verdict', () => {
    const [value] = computeCanaryValues(rule, [deployment({ baselineVersion: null, reason: null })])
    expect(value!.labels).not.toHaveProperty('baseline_version')
    expect(value!.canary!.reason).toBe("the canary's verdict is fail")
  })

  test('through computeRuleValues: the service glob picks the services; rows and windows play no part', () => {
    const samples = (service: string): ServiceSamples => ({
      service,
      operations: [],
      minutes: [],
      lastSpanAtMs: null,
      baselines: new Map(),
      deployments: [deployment({ service }), deployment({ service, version: '2.5.0', verdict: 'pass', failingMetrics: 0 })],
    })
    const cache = new WindowCache()
    const checkout = computeRuleValues(rule, samples('checkout'), Date.UTC(2026, 11, 6, 12), cache)
    expect(checkout.map((value) => [value.labels.version, value.holds])).toEqual([
      ['2.4.0', true],
      ['2.5.0', false],
    ])
    expect(computeRuleValues(rule, samples('ledger'), Date.UTC(2026, 11, 6, 12), cache)).toEqual([])
  })
})

describe('alertRuleInput, canary_regression', () => {
  const input = { name: 'CanaryFails', condition: { kind: 'canary_regression' }, selector: { service: '*' } }
  const issues = (overrides: object) =>
    alertRuleInput.safeParse({ ...input, ...overrides }).error?.issues.map((issue) => issue.path.join('.'))

  test('a canary rule needs no condition fields', () => {
    expect(alertRuleInput.parse(input).condition).toEqual({ kind: 'canary_regression' })
  })

  test.each([
    ['an operation', { selector: { service: '*', operation: 'GET *' } }, 'selector.operation'],
    ['a span kind', { selector: { service: '*', spanKind: 'server' } }, 'selector.spanKind'],
    ['a version label', { labels: { version: '1.0' } }, 'labels.version'],
    ['a baseline_version label', { labels: { baseline_version: '1.0' } }, 'labels.baseline_version'],
  ])('refuses %s: the deployment sets it', (_label, overrides, path) => {
    expect(issues(overrides)).toEqual([path])
  })

  test('other kinds keep their version label', () => {
    expect(alertRuleInput.parse({ ...input, condition: { kind: 'error_rate', above: 0.01 }, labels: { version: '1.0' } }).labels).toEqual({
      version: '1.0',
    })
  })
})

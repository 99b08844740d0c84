import { describe, expect, it } from 'vitest'
import { alertRuleInput } from './schemas'
import {
  describeCondition,
  formatSampleValue,
  prometheusAlertsResponseSchema,
  prometheusRulesResponseSchema,
  toPrometheusAlert,
  toPrometheusRules,
} from './prometheus-api'
import type { Alert } from './schemas'

const rule = {
  ...alertRuleInput.parse({
    name: 'CheckoutSlow',
    condition: { kind: 'latency_threshold', percentile: 'p95', aboveMs: 300 },
    selector: { service: 'checkout', operation: 'POST /api/*', spanKind: 'server' },
    for: '10m',
    severity: 'critical',
    annotations: { summary: 'slow' },
  }),
  id: 'r1',
  version: 1,
}

const alert = (state: Alert['state'], value = 504): Alert => ({
  fingerprint: 'f',
  labels: { alertname: 'CheckoutSlow', service: 'checkout' },
  annotations: { summary: 'slow' },
  state,
  value,
  activeAt: Date.UTC(2026, 11, 6, 10, 16),
  firedAt: null,
  resolvedAt: state === 'inactive' ? Date.UTC(2026, 11, 6, 10, 26) : null,
  lastSentAt: null,
  keepFiringSince: null,
})

describe('Prometheus API JSON', () => {
  it.each([
    [1, '1e+00'],
    [504, '5.04e+02'],
    [0.0123, '1.23e-02'],
    [0, '0e+00'],
    [1e300, '1e+300'],
    [-2.5, '-2.5e+00'],
    [Number.NaN, 'NaN'],
    [Infinity, '+Inf'],
  ])('prints %d as Go does: %s', (value, text) => expect(formatSampleValue(value)).toBe(text))

  it('writes the condition out where Prometheus has PromQL', () => {
    expect(describeCondition(rule)).toBe('p95(checkout POST /api/* (server)) > 300 ms over 5m')
    expect(
      describeCondition(alertRuleInput.parse({ ...rule, condition: { kind: 'canary_regression' }, selector: { service: 'checkout' } })),
    ).toBe('canary_verdict(checkout deployments in progress) == fail')
  })

  it('lists pending and firing alerts, not resolved ones kept for re-sending', () => {
    expect(toPrometheusAlert(alert('inactive'))).toBeNull()
    const firing = toPrometheusAlert(alert('firing'))!
    expect(firing).toEqual({
      labels: { alertname: 'CheckoutSlow', service: 'checkout' },
      annotations: { summary: 'slow' },
      state: 'firing',
      activeAt: '2026-12-06T10:16:00.000Z',
      value: '5.04e+02',
    })
    expect(prometheusAlertsResponseSchema.safeParse({ status: 'success', data: { alerts: [firing] } }).success).toBe(true)
  })

  it('groups rules as Prometheus does, each with its state and alerts', () => {
    const json = toPrometheusRules(
      [
        { rule, alerts: [alert('firing'), alert('inactive')], lastEvaluationMs: Date.UTC(2026, 11, 6, 10, 30) },
        { rule: { ...rule, id: 'r2', name: 'Quiet' }, alerts: [], lastEvaluationMs: null },
      ],
      { intervalSeconds: 60 },
    )
    expect(prometheusRulesResponseSchema.parse(json)).toEqual(json)
    const [slow, quiet] = json.data.groups[0]!.rules
    expect(slow).toMatchObject({ state: 'firing', duration: 600, health: 'ok', type: 'alerting', labels: { severity: 'critical' } })
    expect(slow!.alerts).toHaveLength(1)
    expect(quiet).toMatchObject({ state: 'inactive', health: 'unknown', lastEvaluation: '0001-01-01T00:00:00Z' })
    expect(toPrometheusRules([], { intervalSeconds: 60 }).data.groups).toEqual([])
  })
})

import { describe, expect, test } from 'vitest'
import type { Condition } from '../schemas'
import { describeAlert, notificationStatus, valueAgainstThreshold } from './describe-alert'
import { EXTERNAL_URL, firingAlert, resolvedAlert, T0 } from './testing/notification-alert'

describe('valueAgainstThreshold', () => {
  test.each<[string, number, Condition | null, { value: string; threshold: string | null }]>([
    [
      'latency threshold',
      812.4,
      { kind: 'latency_threshold', percentile: 'p95', aboveMs: 500 },
      { value: '812.4 ms', threshold: '> 500.0 ms (p95)' },
    ],
    [
      'baseline factor: the ratio to the baseline',
      2.3148,
      { kind: 'latency_baseline', factor: 2 },
      { value: '2.31 × baseline p95', threshold: '> 2 ×' },
    ],
    [
      'baseline factor wins over deviation',
      2.3148,
      { kind: 'latency_baseline', factor: 2, deviation: 3 },
      { value: '2.31 × baseline p95', threshold: '> 2 ×' },
    ],
    ['baseline deviation score', 4.27, { kind: 'latency_baseline', deviation: 3 }, { value: 'deviation 4.3', threshold: '> 3' }],
    ['error rate', 0.042, { kind: 'error_rate', above: 0.01 }, { value: '4.20 %', threshold: '> 1.00 %' }],
    ['trace reliability', 0.91, { kind: 'trace_reliability', below: 0.95 }, { value: '91.0 %', threshold: '< 95.0 % complete' }],
    ['no data: minutes silent', 12.5, { kind: 'no_data', silentFor: 600 }, { value: 'no spans for 13 min', threshold: '≥ 10 min' }],
    [
      'canary: its failing metrics',
      2,
      { kind: 'canary_regression' },
      { value: '2 failing canary metrics', threshold: 'canary verdict fail' },
    ],
    ['no condition known', 0.123456789, null, { value: '0.123457', threshold: null }],
  ])('%s', (_label, value, condition, expected) => {
    expect(valueAgainstThreshold(value, condition)).toEqual(expected)
  })
})

describe('describeAlert', () => {
  test('a firing alert: title from its summary, value against threshold, links into Spanlens', () => {
    expect(describeAlert(firingAlert(), `${EXTERNAL_URL}/`)).toEqual({
      status: 'firing',
      alertname: 'High p95 latency',
      severity: 'critical',
      service: 'checkout',
      operation: 'POST /pay',
      title: 'p95 of checkout POST /pay above 500 ms',
      description: null,
      value: '812.4 ms',
      threshold: '> 500.0 ms (p95)',
      since: T0,
      resolvedAt: null,
      links: {
        alert: `${EXTERNAL_URL}/alerts?alert=fp-checkout-POST+%2Fpay`,
        service: `${EXTERNAL_URL}/services/checkout/POST%20%2Fpay?kind=server`,
        runbook: null,
      },
    })
  })

  test('without a summary the title names the rule and series; a service-wide alert links to the service', () => {
    const alert = firingAlert({ labels: { operation: '', span_kind: '' }, annotations: {} })
    const { title, links } = describeAlert({ ...alert, labels: { alertname: 'No data', service: 'a b' } }, EXTERNAL_URL)
    expect(title).toBe('No data: a b')
    expect(links.service).toBe(`${EXTERNAL_URL}/services/a%20b`)
  })

  test.each([
    ['an https runbook', 'https://runbooks.example.com/latency#checkout', 'https://runbooks.example.com/latency#checkout'],
    ['a relative path', '/runbooks/latency', null],
    ['another scheme', 'javascript:alert(1)', null],
  ])('runbook_url: %s', (_label, runbookUrl, expected) => {
    expect(describeAlert(firingAlert({ annotations: { runbook_url: runbookUrl } }), EXTERNAL_URL).links.runbook).toBe(expected)
  })

  test('only firing and resolved alerts are notified', () => {
    expect(notificationStatus(resolvedAlert())).toBe('resolved')
    expect(() => notificationStatus(firingAlert({ state: 'pending', firedAt: null }))).toThrow(/pending/)
    expect(() => notificationStatus(firingAlert({ state: 'inactive' }))).toThrow(/inactive/)
  })
})

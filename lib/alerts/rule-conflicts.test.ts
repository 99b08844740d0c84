import { describe, expect, test } from 'vitest'
import { findRuleConflicts } from './rule-conflicts'
import { alertRuleInput, type AlertRule, type AlertRuleInput } from './schemas'

const rule = (overrides: Partial<AlertRuleInput> = {}, id?: string): AlertRule & { id?: string } => ({
  ...alertRuleInput.parse({
    name: 'CheckoutSlow',
    condition: { kind: 'latency_baseline', factor: 2 },
    selector: { service: 'payment-gateway', operation: 'POST /api/*', spanKind: 'server' },
    severity: 'warning',
    labels: { team: 'payments' },
    ...overrides,
  }),
  ...(id === undefined ? {} : { id }),
})

describe('findRuleConflicts', () => {
  test.each([
    [
      'different names, different series',
      [rule(), rule({ name: 'RefundSlow', selector: { service: 'payment-gateway', operation: 'POST /refunds' } })],
    ],
    [
      'tiered: the same signal at another severity',
      [
        rule({ name: 'CheckoutSlow' }),
        rule({ name: 'CheckoutVerySlow', severity: 'critical', condition: { kind: 'latency_baseline', factor: 4 } }),
      ],
    ],
    [
      'the same signal told apart by a label',
      [rule(), rule({ name: 'CheckoutSlowOncall', labels: { team: 'payments', route: 'oncall' } })],
    ],
    [
      'p50 and p99 thresholds are two signals',
      [
        rule({ name: 'A', condition: { kind: 'latency_threshold', percentile: 'p50', aboveMs: 200 } }),
        rule({ name: 'B', condition: { kind: 'latency_threshold', percentile: 'p99', aboveMs: 900 } }),
      ],
    ],
    ['a disabled duplicate signal (a replacement being staged)', [rule(), rule({ name: 'CheckoutSlowV2', enabled: false })]],
    ['the stored rule and its draft (same id)', [rule({}, 'r1'), rule({ severity: 'critical' }, 'r1')]],
  ])('none: %s', (_label, rules) => {
    expect(findRuleConflicts(rules)).toEqual([])
  })

  test('a duplicate name with the same series and labels raises the same alerts; reported once, on the later rule', () => {
    expect(findRuleConflicts([rule({}, 'r1'), rule({ name: 'OtherRule', selector: { service: 'ledger' } }), rule()])).toEqual([
      { index: 2, otherIndex: 0, path: 'name', message: expect.stringContaining('both would raise the same alerts') },
    ])
  })

  test('names compare without case', () => {
    const conflicts = findRuleConflicts([rule(), rule({ name: 'checkoutslow ', selector: { service: 'ledger' } })])
    expect(conflicts).toEqual([
      { index: 1, otherIndex: 0, path: 'name', message: expect.stringContaining('rule names are unique, whatever their case') },
    ])
  })

  test('the same name at another severity asks for a name per severity', () => {
    const [conflict] = findRuleConflicts([rule(), rule({ severity: 'critical', condition: { kind: 'latency_baseline', factor: 4 } })])
    expect(conflict).toEqual({
      index: 1,
      otherIndex: 0,
      path: 'name',
      message:
        'another rule is named "CheckoutSlow" (severity warning): give each severity level its own name, such as CheckoutSlowCritical',
    })
  })

  test.each([
    ['a threshold that differs', { condition: { kind: 'latency_baseline' as const, factor: 3 } }],
    [
      'an absent operation is every operation',
      { selector: { service: 'payment-gateway', operation: '*', spanKind: 'server' as const } },
      { selector: { service: 'payment-gateway', spanKind: 'server' as const } },
    ],
    ['labels in another order', { labels: { team: 'payments', tier: '1' } }, { labels: { tier: '1', team: 'payments' } }],
  ])(
    'different names on the same signal, series, severity and labels notify twice: %s',
    (_label, first, second: Partial<AlertRuleInput> = {}) => {
      expect(findRuleConflicts([rule(first), rule({ name: 'Twin', ...second })])).toEqual([
        { index: 1, otherIndex: 0, path: 'selector', message: expect.stringContaining('watches the same series as rule "CheckoutSlow"') },
      ])
    },
  )

  test('every later duplicate is reported against the first', () => {
    const conflicts = findRuleConflicts([rule(), rule({ selector: { service: 'a' } }), rule({ selector: { service: 'b' } })])
    expect(conflicts.map(({ index, otherIndex }) => [index, otherIndex])).toEqual([
      [1, 0],
      [2, 0],
    ])
  })
})

import { describe, expect, it } from 'vitest'
import { defaultSummaryOf, EMPTY_RULE_FORM, fieldOfIssue, formToRuleInput, ruleToForm, withKind } from './rule-form'
import { alertRuleInput } from './schemas'

describe('the rule editor form', () => {
  it('turns its fields into a rule, shares in percent into ratios, and back', () => {
    const form = {
      ...EMPTY_RULE_FORM,
      name: 'PaymentsErrors',
      kind: 'error_rate' as const,
      errorPercent: '2.5',
      service: 'payment-gateway',
      operation: 'POST /api/*',
      labels: 'team=payments\n\n tier = 1 ',
      runbookUrl: 'https://runbooks.example.com/payments',
      channels: 'ops-webhook, payments-slack',
    }
    const rule = alertRuleInput.parse(formToRuleInput(form))
    expect(rule).toMatchObject({
      condition: { kind: 'error_rate', above: 0.025 },
      selector: { service: 'payment-gateway', operation: 'POST /api/*', spanKind: 'server' },
      window: 300,
      for: 600,
      labels: { team: 'payments', tier: '1' },
      annotations: { runbook_url: 'https://runbooks.example.com/payments' },
      channels: ['ops-webhook', 'payments-slack'],
    })
    expect(ruleToForm(rule)).toEqual({ ...form, labels: 'team=payments\ntier=1', channels: 'ops-webhook, payments-slack' })
  })

  it('leaves empty numbers out, so the schema names the missing field', () => {
    const parsed = alertRuleInput.safeParse(formToRuleInput({ ...EMPTY_RULE_FORM, name: 'X', kind: 'latency_threshold', aboveMs: '' }))
    expect(parsed.success).toBe(false)
    expect(parsed.error!.issues.map((issue) => fieldOfIssue(issue.path.join('.')))).toContain('aboveMs')
  })

  it('watches whole services for reliability and no-data rules', () => {
    const input = formToRuleInput({ ...EMPTY_RULE_FORM, name: 'Silent', kind: 'no_data', operation: 'GET *', silentFor: '15m' })
    expect(input.selector).toEqual({ service: '*' })
    expect(alertRuleInput.parse(input).condition).toEqual({ kind: 'no_data', silentFor: 900 })
  })

  it('a canary rule: a service glob, no condition fields, no operation or span kind; and back', () => {
    const form = { ...withKind({ ...EMPTY_RULE_FORM, name: 'CanaryFails', service: 'checkout*' }, 'canary_regression'), operation: 'GET *' }
    const rule = alertRuleInput.parse(formToRuleInput(form))
    expect(rule).toMatchObject({
      condition: { kind: 'canary_regression' },
      selector: { service: 'checkout*' },
      annotations: { summary: '{{labels.service}} {{labels.version}} fails its canary: {{canary.reason}}' },
    })
    expect(rule.selector).toEqual({ service: 'checkout*' })
    expect(ruleToForm(rule)).toEqual({ ...form, operation: '', spanKind: '' })
  })

  it('changing the kind swaps a summary left at its default, and keeps one written by hand', () => {
    const canary = withKind(EMPTY_RULE_FORM, 'canary_regression')
    expect(canary.summary).toBe(defaultSummaryOf('canary_regression'))
    expect(withKind(canary, 'error_rate').summary).toBe(EMPTY_RULE_FORM.summary)
    expect(withKind({ ...EMPTY_RULE_FORM, summary: 'checkout is slow' }, 'canary_regression').summary).toBe('checkout is slow')
  })

  it.each([
    ['condition.aboveMs', 'aboveMs'],
    ['condition.above', 'errorPercent'],
    ['condition.below', 'reliabilityPercent'],
    ['condition.factor', 'factor'],
    ['selector.service', 'service'],
    ['selector.spanKind', 'spanKind'],
    ['annotations.runbook_url', 'runbookUrl'],
    ['annotations.summary', 'summary'],
    ['labels.service', 'labels'],
    ['keepFiringFor', 'keepFiringFor'],
    ['(root)', 'form'],
  ])('shows an issue at %s in the %s field', (path, field) => expect(fieldOfIssue(path)).toBe(field))
})

import { describe, expect, it } from 'vitest'
import { checkAlertRule } from './check-rule'
import { alertRuleInput, type AlertRuleInput } from './schemas'

const rule = (input: Partial<AlertRuleInput> = {}) =>
  alertRuleInput.parse({
    name: 'CheckoutSlow',
    condition: { kind: 'error_rate', above: 0.05 },
    selector: { service: 'checkout' },
    ...input,
  })
const stored = (input: Partial<AlertRuleInput> = {}) => ({ ...rule(input), id: 'stored', version: 1 })

describe('checkAlertRule', () => {
  it('passes a rule that renders and clashes with nothing', () => {
    expect(checkAlertRule(rule({ annotations: { summary: '{{labels.service}} errors at {{value}}' } }), [])).toEqual([])
  })

  it("lets a canary rule's templates name the canary, and no other rule's", () => {
    const annotations = { summary: '{{labels.version}}: {{canary.reason}}' }
    expect(checkAlertRule(rule({ condition: { kind: 'canary_regression' }, annotations }), [])).toEqual([])
    expect(checkAlertRule(rule({ annotations }), []).map((issue) => issue.path)).toEqual(['annotations.summary'])
  })

  it('names the annotation whose template would not render', () => {
    const [issue] = checkAlertRule(rule({ annotations: { summary: '{{labels.service' } }), [])
    expect(issue!.path).toBe('annotations.summary')
  })

  it('refuses a second rule of the same name, but not the rule itself being edited', () => {
    expect(checkAlertRule(rule(), [stored()]).map((issue) => issue.path)).toContain('name')
    expect(checkAlertRule({ ...rule({ severity: 'critical' }), id: 'stored' }, [stored()])).toEqual([])
  })
})

import { describe, expect, test } from 'vitest'
import { annotateAlert } from './annotate-alert'
import { computeCanaryValues } from './canary-values'
import { alertRuleInput, type AlertRuleInput } from './schemas'

const stored = (input: Partial<AlertRuleInput> = {}) => ({
  ...alertRuleInput.parse({ name: 'CanaryFails', condition: { kind: 'canary_regression' }, selector: { service: '*' }, ...input }),
  id: '0b0f9d4e-6c3a-4f3e-8d59-1b2b8a8f7f10',
  version: 1,
})

const [failing] = computeCanaryValues(stored(), [
  {
    id: 'd-1',
    service: 'checkout',
    version: '2.4.0',
    baselineVersion: '2.3.1',
    verdict: 'fail',
    failingMetrics: 1,
    reason: 'error rate is 2.1 points higher on the canary',
    score: 80,
  },
])

describe('annotateAlert, canary alerts', () => {
  test('a rule without annotations: the summary names the version and the first reason, with the deployment page', () => {
    expect(annotateAlert(stored(), failing!)).toEqual({
      summary: 'checkout 2.4.0 fails its canary: error rate is 2.1 points higher on the canary',
      deployment_url: '/deployments/d-1',
    })
  })

  test("the rule's own annotations win, and may use the canary's figures", () => {
    const rule = stored({ annotations: { summary: '{{labels.version}} scored {{canary.score}} against {{labels.baseline_version}}' } })
    expect(annotateAlert(rule, failing!)).toEqual({ summary: '2.4.0 scored 80 against 2.3.1', deployment_url: '/deployments/d-1' })
  })
})

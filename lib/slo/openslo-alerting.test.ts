import { describe, expect, test } from 'vitest'
import { stringify } from 'yaml'
import { importOpenSlo } from './openslo'
import { ALL_TIERS, importOne, sloObject, slosOf, yamlOf } from './testing/slo-files'

const burnPolicy = (name: string, lookbackWindow: string, extra: Record<string, unknown> = {}) => ({
  kind: 'AlertPolicy',
  metadata: { name },
  spec: {
    alertWhenBreaching: true,
    conditions: [
      {
        kind: 'AlertCondition',
        metadata: { name },
        spec: { severity: 'page', condition: { kind: 'burnrate', op: 'gt', threshold: 2, lookbackWindow } },
      },
    ],
    notificationTargets: [{ targetRef: 'pager' }],
    ...extra,
  },
})
const pagerTarget = {
  apiVersion: 'openslo/v1',
  kind: 'AlertNotificationTarget',
  metadata: { name: 'pager' },
  spec: { target: 'pagerduty' },
}
const dayCondition = {
  apiVersion: 'openslo/v1',
  kind: 'AlertCondition',
  metadata: { name: 'day-burn' },
  spec: { severity: 'ticket', condition: { kind: 'burnrate', op: 'gte', threshold: 3, lookbackWindow: '1d', alertAfter: '2h' } },
}

const importFile = (...objects: object[]) => importOpenSlo(yamlOf(...objects))
const alertingOf = (...objects: object[]) => importOne(...objects).alerting

describe('alert policies as burn-rate tiers', () => {
  test('burnrate conditions by their lookback window, whatever their op and threshold; other policies are left out', () => {
    const policies = [
      burnPolicy('fast', '1h'),
      burnPolicy('slow', '360m'), // 6 h
      burnPolicy('day', '24h'),
      burnPolicy('three-days', '3d'),
      burnPolicy('again', '1h'), // a tier once
      burnPolicy('odd', '2h'), // no tier has a 2 h window
      burnPolicy('resolved-only', '1h', { alertWhenBreaching: false }),
    ]
    expect(alertingOf(sloObject({ alertPolicies: policies }), pagerTarget).tiers).toEqual(ALL_TIERS)
  })

  test('policies and conditions by reference, across documents', () => {
    const policy = {
      apiVersion: 'openslo/v1',
      ...burnPolicy('ticket', '1d'),
      spec: { ...burnPolicy('ticket', '1d').spec, conditions: [{ conditionRef: 'day-burn' }] },
    }
    expect(alertingOf(sloObject({ alertPolicies: [{ alertPolicyRef: 'ticket' }] }), policy, dayCondition, pagerTarget).tiers).toEqual([
      'ticket_fast',
    ])
  })

  test('no alertPolicies key: every tier; an empty list, in a document or a list of objects: none', () => {
    expect(alertingOf(sloObject()).tiers).toEqual(ALL_TIERS)
    expect(alertingOf(sloObject({ alertPolicies: [] })).tiers).toEqual([])
    const list = stringify([sloObject({ alertPolicies: [] }, { name: 'quiet' }), sloObject({}, { name: 'default' })])
    expect(slosOf(importOpenSlo(list)).map(({ alerting }) => alerting.tiers)).toEqual([[], ALL_TIERS])
  })

  test('every reference on an SLO’s way must be in the file (as go-sdk’s reference inliner requires)', () => {
    const policy = { ...burnPolicy('paging', '1h'), spec: { ...burnPolicy('paging', '1h').spec, conditions: [{ conditionRef: 'gone' }] } }
    const result = importFile(sloObject({ alertPolicies: [policy] }))
    if (result.ok) throw new Error('expected errors')
    expect(result.errors.map(({ path, message }) => [path, message])).toEqual([
      ['spec.alertPolicies[0].spec.conditions[0].conditionRef', 'AlertCondition gone is not in the file: add it, or write it inline'],
      [
        'spec.alertPolicies[0].spec.notificationTargets[0].targetRef',
        'AlertNotificationTarget pager is not in the file: add it, or write it inline',
      ],
    ])
  })
})

describe('labels and Spanlens annotations', () => {
  test('labels become alert labels; spanlens.io/ annotations the alerting settings; other annotations are not read', () => {
    const metadata = {
      labels: { team: 'payments', 'cost-centre': ['a', 'b'], 'app.tier': 1 },
      annotations: {
        'spanlens.io/min-events': '10',
        'spanlens.io/channels': 'ops-slack\npagerduty\n',
        'openslo.com/service-folder': './x',
      },
    }
    expect(alertingOf(sloObject({}, metadata))).toEqual({
      tiers: ALL_TIERS,
      minEvents: 10,
      channels: ['ops-slack', 'pagerduty'],
      labels: { team: 'payments', cost_centre: 'a,b', app_tier: '1' },
    })
  })

  test.each([
    [
      'min-events that is no count',
      { annotations: { 'spanlens.io/min-events': 'many' } },
      'metadata.annotations["spanlens.io/min-events"]',
      'whole number',
    ],
    ['two keys that are one label', { labels: { 'a-b': 'x', 'a.b': 'y' } }, 'metadata.labels["a.b"]', 'are both the alert label a_b'],
    ['a reserved label name', { labels: { __name: 'x' } }, 'metadata.labels.__name', 'reserved'],
  ])('refused: %s', (_label, metadata, path, message) => {
    const result = importFile(sloObject({}, metadata))
    if (result.ok) throw new Error('expected errors')
    expect(result.errors).toEqual([expect.objectContaining({ path, message: expect.stringContaining(message) })])
  })
})

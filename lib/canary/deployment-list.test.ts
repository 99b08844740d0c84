import { describe, expect, test } from 'vitest'
import {
  deploymentDurationMs,
  deploymentListHref,
  deploymentListParams,
  deploymentStartedAt,
  filterByVerdict,
  type DeploymentListParams,
} from './deployment-list'

describe('deploymentListParams', () => {
  test.each([
    ['no filters', {}, {}],
    [
      'each filter',
      { service: 'account-service', status: 'in_progress', verdict: 'fail' },
      { service: 'account-service', status: 'in_progress', verdict: 'fail' },
    ],
    ['not judged yet is a verdict filter', { verdict: 'not_judged' }, { verdict: 'not_judged' }],
    ['unknown values fall back to no filter', { status: 'exploded', verdict: 'maybe' }, {}],
    ['an empty or blank service is no filter', { service: '  ' }, {}],
    ['a repeated parameter is no filter', { status: ['finished', 'rolled_back'] }, {}],
  ])('%s', (_label, input, expected) => {
    const parsed = deploymentListParams.parse(input)
    expect(Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined))).toEqual(expected)
  })
})

describe('filterByVerdict', () => {
  const deployments = [{ verdict: 'fail' as const }, { verdict: null }, { verdict: 'pass' as const }, { verdict: 'fail' as const }]
  test.each([
    ['no verdict asked: all', undefined, 4],
    ['a verdict', 'fail', 2],
    ['not judged: those without a verdict', 'not_judged', 1],
    ['none with it', 'marginal', 0],
  ] as const)('%s', (_label, verdict, count) => {
    expect(filterByVerdict(deployments, verdict)).toHaveLength(count)
  })
})

describe('deploymentListHref', () => {
  test.each([
    ['no filters', {}, '/deployments'],
    ['filters in a fixed order, escaped', { verdict: 'fail', service: 'a b' }, '/deployments?service=a+b&verdict=fail'],
  ] satisfies [string, Partial<DeploymentListParams>, string][])('%s', (_label, params, href) => {
    expect(deploymentListHref(params)).toBe(href)
  })
})

describe('when and how long', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 12, minute))
  test.each([
    ['first span wins over the announcement', { firstSeenAt: at(5), announcedAt: at(0) }, at(5)],
    ['announced only', { firstSeenAt: null, announcedAt: at(0) }, at(0)],
    ['neither', { firstSeenAt: null, announcedAt: null }, null],
  ])('started: %s', (_label, deployment, expected) => {
    expect(deploymentStartedAt(deployment)).toEqual(expected)
  })

  test.each([
    ['ended: first span to end', { firstSeenAt: at(5), endedAt: at(50) }, 45 * 60_000],
    ['running: first span to now', { firstSeenAt: at(5), endedAt: null }, 55 * 60_000],
    ['no span yet', { firstSeenAt: null, endedAt: null }, null],
  ])('duration: %s', (_label, deployment, expected) => {
    expect(deploymentDurationMs(deployment, at(60))).toBe(expected)
  })
})

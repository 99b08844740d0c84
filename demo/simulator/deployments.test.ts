import { describe, expect, test } from 'vitest'
import { DEPLOYMENTS, createDeployments } from './deployments'
import { FLEET } from './fleet'
import { fleetIndex } from './fleet-index'
import { MINUTE_US } from './scenario'
import { createSimulator } from './simulator'

const ANCHOR_MS = Date.parse('2025-11-20T12:00:00Z')
const ANCHOR_US = ANCHOR_MS * 1000
const HOUR_US = 60 * MINUTE_US
const DAY_US = 24 * HOUR_US
const ACCOUNT = fleetIndex('account-service')
const AUDIT = fleetIndex('audit-log-service')
const deployments = createDeployments(ANCHOR_US)
const simulator = createSimulator({ anchorMs: ANCHOR_MS, seed: 7, tracesPerMinute: 40, now: () => ANCHOR_MS + (2 * HOUR_US) / 1000 })

const minutes = (offset: number) => ANCHOR_US + offset * MINUTE_US
const versionsAt = (serviceIndex: number, atUs: number) =>
  Array.from({ length: FLEET[serviceIndex]!.instances }, (_, instance) => deployments.versionOf(serviceIndex, instance, atUs))

describe('the schedule', () => {
  test('at the anchor, a bad audit-log-service canary is under way; a good account-service rollout was promoted 20 minutes before', () => {
    expect(deployments.deploymentsBetween(ANCHOR_US - 1, ANCHOR_US)).toEqual([
      {
        service: 'audit-log-service',
        fromVersion: '2.0.1',
        toVersion: '2.1.0-rc.81',
        startUs: minutes(-240),
        endUs: minutes(90),
        outcome: 'rolled_back',
      },
    ])
    expect(deployments.deploymentsBetween(minutes(-21), minutes(-20))).toContainEqual({
      service: 'account-service',
      fromVersion: '2.31.120',
      toVersion: '2.31.121',
      startUs: minutes(-200),
      endUs: minutes(-20),
      outcome: 'promoted',
    })
  })

  test('rollouts repeat every 8 h (account-service) and 12 h (audit-log-service); those overlapping the window are listed', () => {
    const day = deployments.deploymentsBetween(ANCHOR_US - DAY_US, ANCHOR_US + DAY_US)
    const startsOf = (service: string) => day.filter((record) => record.service === service).map((record) => record.startUs)
    expect(startsOf('account-service')).toEqual([-2, -1, 0, 1, 2, 3].map((cycle) => minutes(-200) + cycle * 8 * HOUR_US))
    expect(startsOf('audit-log-service')).toEqual([-2, -1, 0, 1, 2].map((cycle) => minutes(-240) + cycle * 12 * HOUR_US))
  })

  test('the fleet states the versions running before the rollouts under way at the anchor', () => {
    expect(versionsAt(ACCOUNT, minutes(-201))).toEqual(['2.31.120', '2.31.120', '2.31.120'])
    expect(versionsAt(AUDIT, minutes(-241))).toEqual(['2.0.1', '2.0.1'])
    expect(FLEET[ACCOUNT]!.version).toBe('2.31.120')
    expect(FLEET[AUDIT]!.version).toBe('2.0.1')
  })

  test('account-service: one instance, then two, then all run the new version, which stays', () => {
    expect(versionsAt(ACCOUNT, minutes(-200))).toEqual(['2.31.121', '2.31.120', '2.31.120'])
    expect(versionsAt(ACCOUNT, minutes(-111))).toEqual(['2.31.121', '2.31.120', '2.31.120'])
    expect(versionsAt(ACCOUNT, minutes(-110))).toEqual(['2.31.121', '2.31.121', '2.31.120'])
    expect(versionsAt(ACCOUNT, minutes(-20))).toEqual(['2.31.121', '2.31.121', '2.31.121'])
    expect(versionsAt(ACCOUNT, minutes(279))).toEqual(['2.31.121', '2.31.121', '2.31.121'])
    expect(versionsAt(ACCOUNT, minutes(280))).toEqual(['2.31.122', '2.31.121', '2.31.121'])
  })

  test('audit-log-service: the candidate runs on one instance for 330 minutes, then the old version everywhere', () => {
    expect(versionsAt(AUDIT, minutes(89))).toEqual(['2.1.0-rc.81', '2.0.1'])
    expect(versionsAt(AUDIT, minutes(90))).toEqual(['2.0.1', '2.0.1'])
    expect(versionsAt(AUDIT, minutes(-240 - 12 * 60))).toEqual(['2.1.0-rc.80', '2.0.1'])
  })

  test('versions rise by one release per rollout, never below 0, over 30 days of history', () => {
    const month = deployments.deploymentsBetween(ANCHOR_US - 30 * DAY_US, ANCHOR_US)
    const account = month.filter((record) => record.service === 'account-service')
    expect(account).toHaveLength(90) // 3 a day
    account.forEach((record, index) => {
      const [, , patch] = record.toVersion.split('.').map(Number)
      expect(patch).toBe(121 - account.length + 1 + index)
      expect(patch).toBeGreaterThan(0)
      if (index > 0) expect(record.fromVersion).toBe(account[index - 1]!.toVersion)
    })
    const candidates = month.filter((record) => record.service === 'audit-log-service').map((record) => record.toVersion)
    expect(candidates[0]).toBe('2.1.0-rc.21')
    expect(candidates.at(-1)).toBe('2.1.0-rc.81')
    expect(createDeployments(ANCHOR_US).deploymentsBetween(ANCHOR_US - 30 * DAY_US, ANCHOR_US)).toEqual(month)
  })

  test('a rollout step weights the instance draw; otherwise it is rng.int(instances)', () => {
    const draws = Array.from({ length: 10_000 }, (_, index) => (index + 0.5) / 10_000)
    const canary = draws.map((draw) => deployments.placeInstance(ACCOUNT, draw, minutes(-150)))
    expect(canary.filter((placement) => placement.version === '2.31.121').length / draws.length).toBeCloseTo(0.4, 2)
    expect(new Set(canary.filter((placement) => placement.version === '2.31.121').map((placement) => placement.instance))).toEqual(
      new Set([0]),
    )
    for (const atUs of [minutes(-210), minutes(-10)])
      for (const draw of draws) expect(deployments.placeInstance(ACCOUNT, draw, atUs).instance).toBe(Math.floor(draw * 3))
    const bad = draws.map((draw) => deployments.placeInstance(AUDIT, draw, minutes(0)))
    const onCandidate = bad.filter((placement) => placement.version === '2.1.0-rc.81')
    expect(onCandidate.length / draws.length).toBeCloseTo(DEPLOYMENTS[1]!.steps[0]!.share, 2)
    expect(onCandidate.every((placement) => placement.medianFactor === 1.6 && placement.extraErrorRatio === 0.08)).toBe(true)
  })
})

describe('in the traffic', () => {
  const byVersion = (service: string, startUs: number, endUs: number) =>
    Object.fromEntries(Object.values(simulator.exactCounts({ service, startUs, endUs }).byVersion).map((tally) => [tally.version, tally]))
  const entrySpans = (service: string, version: string, startUs: number, endUs: number) =>
    simulator
      .findTraces({ serviceName: service, startTimeMinUs: startUs, startTimeMaxUs: endUs, searchDepth: -1 })
      .flatMap((trace) => trace.spans)
      .filter(
        (span) =>
          span.resource.serviceName === service &&
          (span.kind === 2 || span.kind === 5) &&
          span.startUs >= startUs &&
          span.startUs < endUs &&
          span.resource.attributes.some((attribute) => attribute.key === 'service.version' && attribute.value === version),
      )
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

  test('account-service: the canary takes about 40 % of the requests in its first step, 50 of them or more', () => {
    const counts = byVersion('account-service', minutes(-200), minutes(-110))
    const canary = counts['2.31.121']!.entrySpans
    expect(canary).toBeGreaterThanOrEqual(50)
    expect(canary / (canary + counts['2.31.120']!.entrySpans)).toBeGreaterThan(0.25)
    expect(canary / (canary + counts['2.31.120']!.entrySpans)).toBeLessThan(0.45)
    expect(Object.keys(byVersion('account-service', minutes(-260), minutes(-200)))).toEqual(['2.31.120'])
    expect(Object.keys(byVersion('account-service', minutes(-20), minutes(40)))).toEqual(['2.31.121'])
    const ratio =
      median(entrySpans('account-service', '2.31.121', minutes(-200), minutes(-110)).map((span) => span.durationUs)) /
      median(entrySpans('account-service', '2.31.120', minutes(-200), minutes(-110)).map((span) => span.durationUs))
    expect(ratio).toBeGreaterThan(0.75)
    expect(ratio).toBeLessThan(1.33)
  })

  test('audit-log-service: the candidate answers slower and fails more than the stable version over the same minutes', () => {
    const canary = entrySpans('audit-log-service', '2.1.0-rc.81', minutes(-30), minutes(0))
    const stable = entrySpans('audit-log-service', '2.0.1', minutes(-30), minutes(0))
    expect(canary.length).toBeGreaterThan(30)
    expect(median(canary.map((span) => span.durationUs)) / median(stable.map((span) => span.durationUs))).toBeGreaterThan(1.3)
    const counts = byVersion('audit-log-service', minutes(-240), minutes(90))
    const errorRatio = (version: string) => counts[version]!.entryErrors / counts[version]!.entrySpans
    expect(errorRatio('2.1.0-rc.81')).toBeGreaterThan(0.04)
    expect(errorRatio('2.0.1')).toBeLessThan(0.01)
    expect(Object.keys(byVersion('audit-log-service', minutes(90), minutes(150)))).toEqual(['2.0.1'])
  })

  test('byVersion adds up to byService, by operation too, and leaves out spans without service.version', () => {
    const counts = simulator.exactCounts({ startUs: minutes(-10), endUs: minutes(-5) })
    const versioned = FLEET.filter((service) => service.version !== null && counts.byService[service.name])
    for (const { name } of versioned) {
      const versions = Object.values(counts.byVersion).filter((tally) => tally.service === name)
      expect(versions.reduce((sum, tally) => sum + tally.spans, 0)).toBe(counts.byService[name]!.spans)
      expect(versions.reduce((sum, tally) => sum + tally.errors, 0)).toBe(counts.byService[name]!.errors)
    }
    const operations = Object.values(counts.byVersionOperation)
    for (const tally of Object.values(counts.byVersion)) {
      const own = operations.filter((operation) => operation.service === tally.service && operation.version === tally.version)
      expect(own.reduce((sum, operation) => sum + operation.spans, 0)).toBe(tally.spans)
      const entries = own.filter((operation) => operation.spanKind === 'server' || operation.spanKind === 'consumer')
      expect(entries.reduce((sum, operation) => sum + operation.spans, 0)).toBe(tally.entrySpans)
    }
    expect(counts.byService['user-profile-service']!.spans).toBeGreaterThan(0)
    expect(Object.values(counts.byVersion).some((tally) => tally.service === 'user-profile-service')).toBe(false)
  })
})

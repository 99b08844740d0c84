// The canary stage over the demo fleet's rollouts, synced from the demo Jaeger into a real Postgres:
// account-service's good rollout passes and finishes (20 minutes before the anchor); audit-log-service's
// bad canary (from four hours before the anchor) fails and is rolled back — told apart by the judge
// from the summaries alone.
import { describe, expect, test, vi } from 'vitest'
import { DEMO_ANCHOR_MS as ANCHOR_MS, demoRollouts } from './testing/demo-rollouts'

vi.setConfig({ testTimeout: 180_000 })
// Both rollouts whole, and the baselines before them.
const { db, syncTo, runCanaryStage, deploymentOf, compactAt } = await demoRollouts({ backfillMinutes: 270, liveFirstMinutes: 20 })

describe('canary stage', () => {
  test('ten minutes after the anchor: the good rollout finished and passed; the bad canary in progress fails with its reasons', async () => {
    await syncTo(ANCHOR_MS + 10 * 60_000)
    const report = await runCanaryStage()
    expect(report.failing).toEqual(['audit-log-service@2.1.0-rc.81'])

    const bad = await deploymentOf('audit-log-service')
    expect(bad).toMatchObject({ version: '2.1.0-rc.81', baselineVersion: '2.0.1', status: 'in_progress', verdict: 'fail' })
    expect(bad.canaryShare).toBeGreaterThan(0.35)
    expect(bad.canaryShare).toBeLessThan(0.65)
    const judgement = bad.judgement as { reasons: string[]; metrics: { metric: string; result: string }[] }
    expect(judgement.metrics.find((metric) => metric.metric === 'latency_distribution')?.result).toBe('fail')
    expect(judgement.reasons.join(' ')).toMatch(/canary/i)

    const good = await deploymentOf('account-service')
    expect(good).toMatchObject({ version: '2.31.121', baselineVersion: '2.31.120', status: 'finished', verdict: 'pass' })
    // The simulator moves the last instance at −20 min; its old version's last span may fall a minute or two before.
    expect(good.endedAt!.getTime()).toBeGreaterThanOrEqual(ANCHOR_MS - 23 * 60_000)
    expect(good.endedAt!.getTime()).toBeLessThanOrEqual(ANCHOR_MS - 20 * 60_000)
  })

  test('later: the bad canary was rolled back when its version was gone; the good rollout stays finished', async () => {
    await syncTo(ANCHOR_MS + 125 * 60_000)
    await runCanaryStage()
    expect(await deploymentOf('account-service')).toMatchObject({ version: '2.31.121', status: 'finished' })
    const bad = await deploymentOf('audit-log-service')
    expect(bad).toMatchObject({ status: 'rolled_back', verdict: 'fail' })
    // Rolled back at +90 min; the candidate's last span may fall a minute or two before (a quiet instance).
    expect(bad.endedAt!.getTime()).toBeGreaterThanOrEqual(ANCHOR_MS + 87 * 60_000)
    expect(bad.endedAt!.getTime()).toBeLessThanOrEqual(ANCHOR_MS + 90 * 60_000)
  })

  test('their minutes past retention, the verdicts stand: judged again by the hour, not "0 requests, not enough data"', async () => {
    const byMinute = await deploymentOf('audit-log-service')
    const minuteRequests = (byMinute.judgement as { canary: { requests: number } }).canary.requests
    const threeDaysOn = ANCHOR_MS + 3 * 24 * 60 * 60_000 // the minutes are kept 48 hours
    await compactAt(threeDaysOn)
    expect(
      await db.versionRollup.count({
        where: { service: 'audit-log-service', resolution: 'minute', bucketStart: { lt: byMinute.endedAt! } },
      }),
    ).toBe(0)

    await runCanaryStage(threeDaysOn) // over an hour after the last judgement: the ended deployments are judged again
    const bad = await deploymentOf('audit-log-service')
    expect(bad.judgedAt!.getTime()).toBeGreaterThan(byMinute.judgedAt!.getTime())
    expect(bad).toMatchObject({ status: 'rolled_back', verdict: 'fail' })
    const byHour = (bad.judgement as { canary: { requests: number } }).canary.requests
    expect(byHour).toBeGreaterThan(minuteRequests * 0.75) // four whole hours, not the four hours to the minute
    expect(byHour).toBeLessThan(minuteRequests * 1.25)
    expect(await deploymentOf('account-service')).toMatchObject({ status: 'finished', verdict: 'pass' })
  })
})

// Spanlens installed in the middle of both demo rollouts: the synced history begins after the bad
// canary and the good rollout started, so each service's two versions are both seen from its first
// minute. Which one came first is not in the spans; the semantic versions say which is the canary.
import { describe, expect, test, vi } from 'vitest'
import { DEMO_ANCHOR_MS as ANCHOR_MS, demoRollouts } from './testing/demo-rollouts'

vi.setConfig({ testTimeout: 180_000 })
// History from 140 minutes before the anchor: the bad canary began at −240, the good rollout at −200.
const { syncTo, runCanaryStage, deploymentsOf } = await demoRollouts({ backfillMinutes: 150, liveFirstMinutes: 20 })

describe('canary stage, started mid-rollout', () => {
  test('each rollout is read forwards: the canary against its baseline, not the baseline "replacing" the canary', async () => {
    await syncTo(ANCHOR_MS + 10 * 60_000)
    const report = await runCanaryStage()
    expect(report.failing).toEqual(['audit-log-service@2.1.0-rc.81'])

    const bad = await deploymentsOf('audit-log-service')
    expect(bad).toHaveLength(1)
    expect(bad[0]).toMatchObject({ version: '2.1.0-rc.81', baselineVersion: '2.0.1', status: 'in_progress', verdict: 'fail' })
    expect(bad[0]!.firstSeenAt!.getTime()).toBeLessThanOrEqual(ANCHOR_MS - 130 * 60_000)

    const good = await deploymentsOf('account-service')
    expect(good).toHaveLength(1)
    expect(good[0]).toMatchObject({ version: '2.31.121', baselineVersion: '2.31.120', status: 'finished' })
  })
})

// The canary stage over the demo fleet's rollouts, synced from the demo Jaeger into a real Postgres:
// account-service's good rollout passes and finishes (20 minutes before the anchor); audit-log-service's
// bad canary (from four hours before the anchor) fails and is rolled back — told apart by the judge
// from the summaries alone.
import { afterAll, describe, expect, test, vi } from 'vitest'
import { startDemoJaeger, type DemoJaeger } from '../../demo/start-demo-jaeger'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'
import { testTickContext } from '@/lib/sync/testing/test-tick-context'

const databaseUrl = await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { JaegerClient } = await import('@/lib/jaeger/client')
const { SyncLeases } = await import('@/lib/sync/leases')
const { runSyncTick } = await import('@/lib/sync/sync-tick')
const { runCanaryStage } = await import('./canary-stage')

const ANCHOR_MS = Date.UTC(2026, 10, 20, 14, 0)
const MINUTE_US = 60_000_000
const SERVICES = ['account-service', 'audit-log-service']
const SETTINGS = {
  backfillUs: 270 * MINUTE_US, // both rollouts whole, and the baselines before them
  liveFirstUs: 20 * MINUTE_US,
  settleUs: 2 * MINUTE_US,
  windowUs: 15 * MINUTE_US,
  fetch: { limit: 1000, floorUs: 5_000_000, maxRequests: 256 },
  maxWindowsPerTurn: 100,
}
vi.setConfig({ testTimeout: 180_000 })

let nowMs = ANCHOR_MS + 10 * 60_000
const jaeger: DemoJaeger = await startDemoJaeger({ port: 0, anchor: new Date(ANCHOR_MS), now: () => nowMs })
const leases = await SyncLeases.connect(databaseUrl)
afterAll(async () => {
  await leases.close()
  await jaeger.close()
})

async function syncTo(atMs: number) {
  nowMs = atMs
  const client = new JaegerClient({ baseUrl: jaeger.url, timeoutMs: 10_000, retries: 0 })
  for (let round = 0; round < 20; round++) {
    await runSyncTick(testTickContext({ client, leases, services: SERVICES, now: () => new Date(nowMs) }), SETTINGS)
    const states = await db.syncState.findMany()
    if (states.length === SERVICES.length && states.every((s) => s.liveFrom === null && s.watermark.getTime() >= nowMs - 17 * 60_000))
      return
  }
  throw new Error('the sync did not catch up')
}

const deploymentOf = (service: string) => db.deployment.findFirstOrThrow({ where: { service }, orderBy: { firstSeenAt: 'desc' } })

describe('canary stage', () => {
  test('ten minutes after the anchor: the good rollout finished and passed; the bad canary in progress fails with its reasons', async () => {
    await syncTo(ANCHOR_MS + 10 * 60_000)
    const report = await runCanaryStage(SERVICES, { now: new Date(nowMs) })
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
    await runCanaryStage(SERVICES, { now: new Date(nowMs) })
    expect(await deploymentOf('account-service')).toMatchObject({ version: '2.31.121', status: 'finished' })
    const bad = await deploymentOf('audit-log-service')
    expect(bad).toMatchObject({ status: 'rolled_back', verdict: 'fail' })
    // Rolled back at +90 min; the candidate's last span may fall a minute or two before (a quiet instance).
    expect(bad.endedAt!.getTime()).toBeGreaterThanOrEqual(ANCHOR_MS + 87 * 60_000)
    expect(bad.endedAt!.getTime()).toBeLessThanOrEqual(ANCHOR_MS + 90 * 60_000)
  })
})

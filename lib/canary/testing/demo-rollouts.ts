// For the canary stage's DB tests: the demo fleet's two rollouts (account-service's good one,
// audit-log-service's bad canary) served by the demo Jaeger and synced into the file's own database,
// with the sync's history starting where the test says. Call at the top of a *.db.test.ts file.
import { afterAll } from 'vitest'
import { startDemoJaeger } from '@/demo/start-demo-jaeger'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'
import { testTickContext } from '@/lib/sync/testing/test-tick-context'

export const DEMO_ANCHOR_MS = Date.UTC(2026, 10, 20, 14, 0)
const MINUTE_US = 60_000_000
const SERVICES = ['account-service', 'audit-log-service']

export async function demoRollouts({ backfillMinutes, liveFirstMinutes }: { backfillMinutes: number; liveFirstMinutes: number }) {
  const databaseUrl = await createScratchDatabase()
  const { db } = await import('@/lib/db/client')
  const { JaegerClient } = await import('@/lib/jaeger/client')
  const { SyncLeases } = await import('@/lib/sync/leases')
  const { runSyncTick } = await import('@/lib/sync/sync-tick')
  const { runCanaryStage } = await import('../canary-stage')
  const { compactService } = await import('@/lib/sync/compaction-repository')
  const { retentionFrom } = await import('@/lib/sync/sync-loop')
  const { env } = await import('@/lib/env')
  const settings = {
    backfillUs: backfillMinutes * MINUTE_US,
    liveFirstUs: liveFirstMinutes * MINUTE_US,
    settleUs: 2 * MINUTE_US,
    windowUs: 15 * MINUTE_US,
    fetch: { limit: 1000, floorUs: 5_000_000, maxRequests: 256 },
    maxWindowsPerTurn: 100,
  }

  let nowMs = DEMO_ANCHOR_MS
  const jaeger = await startDemoJaeger({ port: 0, anchor: new Date(DEMO_ANCHOR_MS), now: () => nowMs })
  const leases = await SyncLeases.connect(databaseUrl)
  afterAll(async () => {
    await leases.close()
    await jaeger.close()
  })

  return {
    db,
    /** Syncs both services to `atMs` (the demo Jaeger's clock): every range read, the watermark settled. */
    async syncTo(atMs: number) {
      nowMs = atMs
      const client = new JaegerClient({ baseUrl: jaeger.url, timeoutMs: 10_000, retries: 0 })
      for (let round = 0; round < 20; round++) {
        await runSyncTick(testTickContext({ client, leases, services: SERVICES, now: () => new Date(nowMs) }), settings)
        const states = await db.syncState.findMany()
        if (states.length === SERVICES.length && states.every((s) => s.liveFrom === null && s.watermark.getTime() >= nowMs - 17 * 60_000))
          return
      }
      throw new Error('the sync did not catch up')
    },
    /** The canary stage, at the sync's clock or at `atMs` later on (deployments ended an hour before are judged again). */
    runCanaryStage: (atMs = nowMs) => runCanaryStage(SERVICES, { now: new Date(atMs) }),
    /** Both services compacted as the worker would at `atMs`, with the configured retention (minutes: 48 h). */
    async compactAt(atMs: number) {
      for (const service of SERVICES)
        await compactService(service, { now: new Date(atMs), retention: retentionFrom(env()), maxBuckets: 1000 })
    },
    deploymentOf: (service: string) => db.deployment.findFirstOrThrow({ where: { service }, orderBy: { firstSeenAt: 'desc' } }),
    deploymentsOf: (service: string) => db.deployment.findMany({ where: { service }, orderBy: { firstSeenAt: 'asc' } }),
  }
}

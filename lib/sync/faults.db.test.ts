// The fault matrix: Jaeger misbehaves in every way the demo's fault switch knows, then recovers; the
// sync catches up, and Postgres is compared with the simulator's own exact counts. Spans lost and
// spans counted twice must both be 0, per service. The matrix is written to
// test-results/fault-matrix.json.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, test, vi } from 'vitest'
import type { FaultSettings } from '../../demo/faults/schemas'
import { startDemoJaeger } from '../../demo/start-demo-jaeger'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'
import { testTickContext } from '@/lib/sync/testing/test-tick-context'

const databaseUrl = await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { JaegerClient } = await import('@/lib/jaeger/client')
const { SyncLeases } = await import('./leases')
const { runSyncTick } = await import('./sync-tick')
const { committedRanges } = await import('./sync-progress')

vi.setConfig({ testTimeout: 120_000 })
const MINUTE_US = 60_000_000
const ANCHOR_MS = Date.UTC(2026, 10, 20, 15, 0)
const NOW = ANCHOR_MS + 10 * 60_000
const SERVICES = ['api-gateway', 'payment-gateway', 'ledger-service', 'notification-service', 'fraud-detection']
const jaeger = await startDemoJaeger({ port: 0, anchor: new Date(ANCHOR_MS), now: () => NOW, faults: true })
const leases = await SyncLeases.connect(databaseUrl)
const matrix: { fault: string; failedRounds: number; spans: number; lost: number; doubleCounted: number }[] = []
afterAll(async () => {
  fs.mkdirSync('test-results', { recursive: true })
  fs.writeFileSync(path.join('test-results', 'fault-matrix.json'), `${JSON.stringify(matrix, null, 2)}\n`)
  await leases.close()
  await jaeger.close()
})

const settingsFor = (limit: number) => ({
  backfillUs: 30 * MINUTE_US,
  liveFirstUs: 10 * MINUTE_US,
  settleUs: 2 * MINUTE_US,
  windowUs: 5 * MINUTE_US,
  fetch: { limit, floorUs: 1_000_000, maxRequests: 10_000 },
  maxWindowsPerTurn: 100,
})

async function syncThroughFault(fault: FaultSettings, { limit = 1000, clearAfterFirstRound = true } = {}) {
  await db.$executeRawUnsafe(
    'TRUNCATE span_rollups, service_rollups, version_rollups, version_operation_rollups, service_versions, sync_windows, sync_state',
  )
  const client = new JaegerClient({ baseUrl: jaeger.url, timeoutMs: 1000, retries: 1, sleep: async () => {} })
  let clock = NOW
  const tick = () =>
    runSyncTick(
      testTickContext({ client, leases, services: SERVICES, now: () => new Date(clock), workerId: 'faults', random: () => 1 }),
      settingsFor(limit),
    )
  await jaeger.faults.replace(fault)
  let failedRounds = 0
  for (let round = 0; round < 30; round++) {
    const report = await tick()
    if (report.turns.some((turn) => turn.failure)) failedRounds++
    if (round === 0 && clearAfterFirstRound) await jaeger.faults.clear()
    clock += 6 * 60_000 // past any backoff (≤ 5 min); the demo's data stays as of NOW
    const states = await db.syncState.findMany()
    if (round > 0 && states.every((s) => s.liveFrom === null && s.watermark.getTime() >= clock - 10 * 60_000)) break
  }
  // Compare per service over what was committed, [backfillFrom, watermark), under the same fault view
  // (skew changes the data itself: the simulator's truth is the skewed one).
  let spans = 0
  let lost = 0
  let doubleCounted = 0
  for (const state of await db.syncState.findMany()) {
    const exact = {
      spans: committedRanges(state).reduce(
        (sum, range) => sum + jaeger.simulator.exactCounts({ service: state.serviceName, ...range }).spans,
        0,
      ),
    }
    const committed =
      (await db.spanRollup.aggregate({ where: { service: state.serviceName, resolution: 'minute' }, _sum: { spanCount: true } }))._sum
        .spanCount ?? 0
    spans += committed
    lost += Math.max(0, exact.spans - committed)
    doubleCounted += Math.max(0, committed - exact.spans)
  }
  await jaeger.faults.clear()
  return { failedRounds, spans, lost, doubleCounted, states: await db.syncState.count() }
}

describe('fault matrix: no span lost, none counted twice', () => {
  test.each<[string, FaultSettings, { limit?: number; clearAfterFirstRound?: boolean; expectFailures: boolean }]>([
    ['none (baseline)', {}, { expectFailures: false }],
    ['connections reset', { down: 'reset' }, { expectFailures: true }],
    ['connections refused for 1.5 s', { down: 'refuse', downForMs: 1500 }, { expectFailures: true }],
    ['slower than the client timeout', { slowMs: 1500 }, { expectFailures: true }],
    ['every other request answers 500 (absorbed by the client retry)', { errorRate: 0.5 }, { expectFailures: false }],
    [
      '503 for the first 6 searches',
      { errorRate: 1, errorStatus: 503, times: 6, paths: ['/api/v3/traces'] },
      { clearAfterFirstRound: false, expectFailures: true },
    ],
    ['truncated JSON', { truncate: true, times: 6, paths: ['/api/v3/traces'] }, { clearAfterFirstRound: false, expectFailures: true }],
    [
      'valid JSON of the wrong shape',
      { corrupt: 'shape', times: 6, paths: ['/api/v3/traces'] },
      { clearAfterFirstRound: false, expectFailures: true },
    ],
    ['flipped bytes', { corrupt: 'bytes', times: 6, paths: ['/api/v3/traces'] }, { clearAfterFirstRound: false, expectFailures: true }],
    [
      'every search capped at the depth asked for (20)',
      { capSearchesAt: 20 },
      { limit: 20, clearAfterFirstRound: false, expectFailures: false },
    ],
    [
      'clock skew of +90 s and −45 s on two services',
      {
        skew: [
          { service: 'ledger-service', offsetUs: 90_000_000 },
          { service: 'payment-gateway', offsetUs: -45_000_000 },
        ],
      },
      { clearAfterFirstRound: false, expectFailures: false },
    ],
  ])('%s', async (fault, settings, { limit, clearAfterFirstRound, expectFailures }) => {
    const result = await syncThroughFault(settings, { limit, clearAfterFirstRound })
    matrix.push({ fault, failedRounds: result.failedRounds, spans: result.spans, lost: result.lost, doubleCounted: result.doubleCounted })
    expect(result.states).toBe(SERVICES.length)
    expect(result.spans).toBeGreaterThan(500)
    expect({ lost: result.lost, doubleCounted: result.doubleCounted }).toEqual({ lost: 0, doubleCounted: 0 })
    if (expectFailures) expect(result.failedRounds).toBeGreaterThan(0)
  })
})

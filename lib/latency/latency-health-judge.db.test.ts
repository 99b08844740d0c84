// The incremental judgement against the full one it replaced, on a real pipeline: three demo services
// synced from the demo Jaeger and compacted, then brought forward pass after pass (mostly a minute,
// sometimes none, sometimes a catch-up) while the world does what it does — another worker or an admin
// writes verdicts, a row is damaged, the baseline window changes, an operation appears, one leaves its
// history, a service backfills below its live range, a second worker takes turns. After every pass each service's stored verdicts
// equal, field for field, what the previous full judgement (lib/latency/testing) computes from the same
// rollups and the same previous verdicts.
import { afterAll, describe, expect, test, vi } from 'vitest'
import { SLOW_OPERATION } from '../../demo/simulator/scenario'
import { startDemoJaeger } from '../../demo/start-demo-jaeger'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'
import { histogramOf } from '@/lib/metrics/histogram'
import { testTickContext } from '@/lib/sync/testing/test-tick-context'

const databaseUrl = await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { JaegerClient } = await import('@/lib/jaeger/client')
const { SyncLeases } = await import('@/lib/sync/leases')
const { runSyncTick } = await import('@/lib/sync/sync-tick')
const { compactService } = await import('@/lib/sync/compaction-repository')
const { LatencyHealthJudge } = await import('./latency-health-judge')
const { judgeInFull } = await import('./testing/full-judgement-repository')
const { listLatencyHealth } = await import('./health-repository')
const { saveBaselineWindow } = await import('./repository')
const { historyStartAt } = await import('./series-history')

vi.setConfig({ testTimeout: 600_000 })
const MINUTE_MS = 60_000
const HOUR_US = 3_600_000_000
const SLOW = SLOW_OPERATION.service
const QUIET = 'exchange-rate-service'
const LATE = 'payment-gateway' // synced from the middle of the run: its last hour first, then its history below it
const ANCHOR_MS = Date.UTC(2026, 10, 20, 14, 0)
let nowMs = ANCHOR_MS + 17 * MINUTE_MS
const jaeger = await startDemoJaeger({ port: 0, anchor: new Date(ANCHOR_MS), now: () => nowMs, tracesPerMinute: 10 })
const leases = await SyncLeases.connect(databaseUrl)
afterAll(async () => {
  await leases.close()
  await jaeger.close()
})
const client = new JaegerClient({ baseUrl: jaeger.url, timeoutMs: 20_000 })
let listed = [SLOW, QUIET]
const sync = (maxWindowsPerTurn: number) =>
  runSyncTick(testTickContext({ client, leases, services: () => listed, now: () => new Date(nowMs) }), {
    liveFirstUs: 60 * 60_000_000,
    backfillUs: 30 * HOUR_US,
    settleUs: 120_000_000,
    windowUs: 60 * 60_000_000,
    fetch: { limit: 5000, floorUs: 5_000_000, maxRequests: 64 },
    maxWindowsPerTurn,
  })
const retention = { minuteUs: 48 * HOUR_US, hourUs: 35 * 24 * HOUR_US, dayUs: 400 * 24 * HOUR_US }
const compact = async () => {
  for (const service of listed)
    for (let round = 0; round < 5; round++) if ((await compactService(service, { now: new Date(nowMs), retention })).hours === 0) break
}
await sync(1000)
await compact()

const sorted = <T extends { service: string; operation: string; spanKind: string }>(rows: T[]) =>
  [...rows].sort((a, b) =>
    `${a.service}\u0000${a.operation}\u0000${a.spanKind}`.localeCompare(`${b.service}\u0000${b.operation}\u0000${b.spanKind}`),
  )

/** What happens before pass `n` besides time passing and the sync. */
async function eventsBefore(n: number, judgedToUs: () => Promise<number>): Promise<string | null> {
  if (n === 1) {
    // An operation whose only data is the oldest hour of QUIET's history: it leaves at the next hour.
    const hourUs = historyStartAt(await judgedToUs(), 7 * 24 * HOUR_US)
    await db.spanRollup.create({ data: leavingRow(hourUs) })
    // And one with a day and a half of history that stopped 6 hours ago: no recent data.
    const stoppedUs = Math.floor((await judgedToUs()) / HOUR_US) * HOUR_US - 6 * HOUR_US
    await db.spanRollup.createMany({
      data: Array.from({ length: 36 }, (_, i) => ({
        ...rowOf('GET /reports', stoppedUs - (i + 1) * HOUR_US, 40),
        resolution: 'hour' as const,
      })),
    })
    return 'an operation whose data leaves the history at the next hour, one that stopped'
  }
  if (n === 12) {
    await db.latencyHealth.updateMany({
      where: { service: SLOW, operation: SLOW_OPERATION.spanName },
      data: { baseline: { bands: 'not what we wrote' } },
    })
    return 'a damaged row'
  }
  if (n === 20) {
    await judgeInFull(QUIET, { now: new Date(nowMs), force: true })
    return 'verdicts written by someone else (another worker, the admin page)'
  }
  if (n === 28) {
    const admin = await db.user.create({ data: { email: 'sre@example.test', name: 'SRE', role: 'admin', passwordHash: 'x' } })
    await saveBaselineWindow({ service: SLOW, days: 3 }, { by: admin.id })
    return 'a new baseline window, not judged at once'
  }
  if (n === 35) {
    listed = [SLOW, QUIET, LATE]
    return 'a service synced from now on: live range first, history backfilling below'
  }
  if (n === 50) {
    await db.spanRollup.create({ data: newOperationRow(nowMs * 1000 - 3 * 60_000_000) })
    return 'an operation never seen before'
  }
  return null
}
const leavingRow = (hourUs: number) => ({ ...rowOf('GET /legacy', hourUs, 40), resolution: 'hour' as const })
const newOperationRow = (minuteUs: number) => ({ ...rowOf('POST /transfers', minuteUs, 30), resolution: 'minute' as const })
const rowOf = (operation: string, bucketUs: number, count: number) => ({
  service: QUIET,
  bucketStart: new Date(Math.floor(bucketUs / 60_000_000) * 60_000),
  operation,
  spanKind: 'server',
  spanCount: count,
  errorCount: 0,
  estimatedSpanCount: count,
  estimatedErrorCount: 0,
  durationSumUs: count * 5_000,
  durationMaxUs: 9_000,
  histogram: Uint8Array.from(histogramOf(Array.from({ length: count }, (_, i) => 3_000 + 100 * i)).encode()),
})

describe('LatencyHealthJudge', () => {
  test('stores after every pass exactly what the full judgement computes, while judging only what changed', async () => {
    const judge = new LatencyHealthJudge()
    // From pass 70 to 80 a second worker takes every other pass: each finds verdicts the other wrote.
    const otherWorker = new LatencyHealthJudge()
    const services = () => [...listed]
    const watermarkUs = async () =>
      Math.floor((await db.syncState.findUniqueOrThrow({ where: { serviceName: QUIET } })).watermark.getTime() / MINUTE_MS) *
      MINUTE_MS *
      1000
    const tally = { passes: 0, judged: 0, kept: 0, written: 0, windowMoved: 0, deleted: 0, changesRead: 0, readInFull: 0, skipped: 0 }
    const seen = new Set<string>()
    const events: string[] = []
    // Minutes between passes: mostly one; 0 is a pass with nothing new; then catch-ups.
    const steps = Array.from({ length: 95 }, (_, i) => (i % 23 === 7 ? 0 : i % 31 === 17 ? 13 : i === 60 ? 47 : 1))
    for (const [index, stepMinutes] of steps.entries()) {
      const n = index + 1
      nowMs += stepMinutes * MINUTE_MS
      await sync(4)
      await compact()
      const event = await eventsBefore(n, watermarkUs)
      if (event) events.push(event)
      const before = sorted(await listLatencyHealth(services()))
      const expected = await Promise.all(services().map((service) => judgeInFull(service, { now: new Date(nowMs), save: false })))

      const reports = await (n >= 70 && n <= 80 && n % 2 === 0 ? otherWorker : judge).judgeAndSave(services(), { now: new Date(nowMs) })

      const stored = sorted(await listLatencyHealth(services()))
      const want = sorted(expected.flatMap((full) => (full.skipped ? before.filter((row) => row.service === full.service) : full.verdicts)))
      expect(stored, `pass ${n}${event ? ` (${event})` : ''}`).toEqual(want)
      expect(await db.latencyHealth.count({ where: { service: { in: services() } } }), `pass ${n}: no unreadable row left`).toBe(
        stored.length,
      )
      for (const [i, report] of reports.entries()) {
        expect(report.skipped ?? null, `pass ${n}, ${report.service}`).toBe(expected[i]!.skipped ?? null)
        tally.judged += report.judged
        tally.kept += report.kept
        tally.written += report.written
        tally.windowMoved += report.windowMoved
        tally.deleted += report.deleted
        if (report.read === 'changes') tally.changesRead++
        if (report.read === 'in full') tally.readInFull++
        if (report.skipped) tally.skipped++
      }
      for (const row of stored) seen.add(row.state)
      tally.passes++
    }
    expect(events).toHaveLength(6)
    expect(seen).toEqual(new Set(['ok', 'slow', 'insufficient_data', 'no_recent_data']))
    // Incremental in fact: most service passes read only the rows committed since, and some series
    // had nothing new to judge; most verdicts judged again were unchanged (stamped only), some only
    // moved their baseline window (edited in place); the operation that left its history was deleted.
    expect(tally.changesRead).toBeGreaterThan(3 * tally.readInFull)
    expect(tally.kept).toBeGreaterThan(0)
    expect(tally.written).toBeLessThan(tally.judged / 2)
    expect(tally.windowMoved).toBeGreaterThan(0)
    expect(tally.deleted).toBeGreaterThan(0)
    expect(tally.skipped).toBeGreaterThan(0)
    console.log(`equality over ${tally.passes} passes:`, tally)
  })
})

// Compaction and retention against a real Postgres, on two days of one service from the demo Jaeger:
// any range reads the same before and after compaction (counts and percentiles alike), and the
// totals stay the simulator's exact counts.
import { afterAll, describe, expect, test, vi } from 'vitest'
import { startDemoJaeger } from '../../demo/start-demo-jaeger'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'
import { toMicros } from '@/lib/time/micros'
import { testTickContext } from '@/lib/sync/testing/test-tick-context'

const databaseUrl = await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { JaegerClient } = await import('@/lib/jaeger/client')
const { SyncLeases } = await import('./leases')
const { runSyncTick } = await import('./sync-tick')
const { compactService } = await import('./compaction-repository')
const { getRangeLatency, getServiceLatency } = await import('@/lib/latency/range-latency-repository')

vi.setConfig({ testTimeout: 180_000 })
const SERVICE = 'exchange-rate-service'
const HOUR_US = 3_600_000_000
const ANCHOR_MS = Date.UTC(2026, 10, 20, 14, 0)
const NOW = new Date(ANCHOR_MS)
const jaeger = await startDemoJaeger({ port: 0, anchor: NOW, now: () => NOW.getTime() })
const leases = await SyncLeases.connect(databaseUrl)
afterAll(async () => {
  await leases.close()
  await jaeger.close()
})
const client = new JaegerClient({ baseUrl: jaeger.url, timeoutMs: 20_000 })
const settings = {
  liveFirstUs: 0,
  backfillUs: 50 * HOUR_US,
  settleUs: 120_000_000,
  windowUs: 60 * 60_000_000,
  fetch: { limit: 5000, floorUs: 5_000_000, maxRequests: 64 },
  maxWindowsPerTurn: 1000,
}
await runSyncTick(testTickContext({ client, leases, services: [SERVICE], now: () => NOW }), settings)
const state = await db.syncState.findUniqueOrThrow({ where: { serviceName: SERVICE } })
const from = toMicros(state.backfillFrom)
const to = toMicros(state.watermark)
const RANGES = {
  'everything synced': [from, to],
  'a ragged 13 h in the middle': [from + 7 * HOUR_US + 17 * 60_000_000, from + 20 * HOUR_US + 41 * 60_000_000],
  'the last 3 h': [to - 3 * HOUR_US, to],
} as const
const readAll = async () =>
  Object.fromEntries(
    await Promise.all(
      Object.entries(RANGES).flatMap(([label, [start, end]]) => [
        getRangeLatency({ service: SERVICE, startUs: start, endUs: end }, NOW).then((summary) => [label, summary] as const),
        getServiceLatency({ service: SERVICE, startUs: start, endUs: end }, NOW).then(
          (summary) => [`${label} (entry spans)`, { ...summary, durationMaxUs: 0 }] as const,
        ),
      ]),
    ),
  )
const comparable = (summary: Awaited<ReturnType<typeof getRangeLatency>>) => {
  const { segments: _segments, estimatedSpanCount, estimatedErrorCount, ...rest } = summary
  return { ...rest, estimatedSpanCount: Math.round(estimatedSpanCount * 1e6), estimatedErrorCount: Math.round(estimatedErrorCount * 1e6) }
}
const before = await readAll()

describe('compaction', () => {
  test('the synced range holds exactly the simulator spans', () => {
    const exact = jaeger.simulator.exactCounts({ service: SERVICE, startUs: from, endUs: to })
    expect(before['everything synced']!.spanCount).toBe(exact.spans)
    expect(before['everything synced']!.errorCount).toBe(exact.errors)
    expect(exact.spans).toBeGreaterThan(1000)
  })

  test('builds hours and days, and every range reads the same from them as from minutes', async () => {
    let report
    let rounds = 0
    do
      report = await compactService(SERVICE, {
        now: NOW,
        retention: { minuteUs: 48 * HOUR_US, hourUs: 35 * 24 * HOUR_US, dayUs: 400 * 24 * HOUR_US },
      })
    while ((report.hours > 0 || report.days > 0) && ++rounds < 10)
    const marks = await db.syncState.findUniqueOrThrow({ where: { serviceName: SERVICE } })
    expect(toMicros(marks.hoursCompactedTo!)).toBe(Math.floor(to / HOUR_US) * HOUR_US)
    expect(await db.spanRollup.count({ where: { service: SERVICE, resolution: 'day' } })).toBeGreaterThan(0)
    const after = await readAll()
    for (const label of Object.keys(before)) expect(comparable(after[label]!), label).toEqual(comparable(before[label]!))
    expect(before['everything synced (entry spans)']!.spanCount).toBeGreaterThan(0)
    expect(after['everything synced']!.segments.map((s) => s.resolution)).toContain('day')
    expect(after['a ragged 13 h in the middle']!.segments.map((s) => s.resolution)).toEqual(['minute', 'hour', 'minute'])
  })

  test('compacting again changes nothing', async () => {
    const rows = await db.spanRollup.count()
    expect(
      await compactService(SERVICE, {
        now: NOW,
        retention: { minuteUs: 48 * HOUR_US, hourUs: 35 * 24 * HOUR_US, dayUs: 400 * 24 * HOUR_US },
      }),
    ).toEqual({ hours: 0, days: 0, deletedRows: 0 })
    expect(await db.spanRollup.count()).toBe(rows)
  })

  test('retention deletes minutes only under hours: hour-aligned ranges still read the same', async () => {
    const report = await compactService(SERVICE, {
      now: NOW,
      retention: { minuteUs: 6 * HOUR_US, hourUs: 35 * 24 * HOUR_US, dayUs: 400 * 24 * HOUR_US },
    })
    expect(report.deletedRows).toBeGreaterThan(0)
    const oldest = await db.spanRollup.findFirst({ where: { service: SERVICE, resolution: 'minute' }, orderBy: { bucketStart: 'asc' } })
    expect(oldest!.bucketStart.getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 6 * 3_600_000)
    const aligned = await getRangeLatency(
      { service: SERVICE, startUs: Math.ceil(from / HOUR_US) * HOUR_US, endUs: to },
      new Date(NOW.getTime()),
    )
    const expected = jaeger.simulator.exactCounts({ service: SERVICE, startUs: Math.ceil(from / HOUR_US) * HOUR_US, endUs: to })
    expect(aligned.spanCount).toBe(expected.spans)
  })
})

// Latency health against a real Postgres, on 30 hours of transactions-service synced from the demo
// Jaeger: the simulator's slow operation is flagged slow since about when it turned slow, as are the
// handlers waiting on it (and so the service itself), each further from its band than they are; the
// operations that do not call it are not.
import { afterAll, describe, expect, test, vi } from 'vitest'
import { SLOW_OPERATION } from '../../demo/simulator/scenario'
import { startDemoJaeger } from '../../demo/start-demo-jaeger'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'
import { testTickContext } from '@/lib/sync/testing/test-tick-context'

const databaseUrl = await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { JaegerClient } = await import('@/lib/jaeger/client')
const { SyncLeases } = await import('@/lib/sync/leases')
const { runSyncTick } = await import('@/lib/sync/sync-tick')
const { compactService } = await import('@/lib/sync/compaction-repository')
const { judgeAndSaveLatencyHealth, listLatencyHealth } = await import('./health-repository')
const { getOperationView, getServiceView, listServicesView, saveBaselineWindow } = await import('./repository')
const { NotFoundError } = await import('@/lib/errors')

vi.setConfig({ testTimeout: 180_000 })
const SERVICE = SLOW_OPERATION.service
const HOUR_US = 3_600_000_000
const ANCHOR_MS = Date.UTC(2026, 10, 20, 14, 0)
const NOW = new Date(ANCHOR_MS + 30 * 60_000)
const SLOW_FROM_US = ANCHOR_MS * 1000 - SLOW_OPERATION.startsBeforeAnchorUs
const jaeger = await startDemoJaeger({ port: 0, anchor: new Date(ANCHOR_MS), now: () => NOW.getTime(), tracesPerMinute: 10 })
const leases = await SyncLeases.connect(databaseUrl)
afterAll(async () => {
  await leases.close()
  await jaeger.close()
})
const client = new JaegerClient({ baseUrl: jaeger.url, timeoutMs: 20_000 })
await runSyncTick(testTickContext({ client, leases, services: [SERVICE], now: () => NOW }), {
  liveFirstUs: 0,
  backfillUs: 30 * HOUR_US,
  settleUs: 120_000_000,
  windowUs: 60 * 60_000_000,
  fetch: { limit: 5000, floorUs: 5_000_000, maxRequests: 64 },
  maxWindowsPerTurn: 1000,
})
const retention = { minuteUs: 48 * HOUR_US, hourUs: 35 * 24 * HOUR_US, dayUs: 400 * 24 * HOUR_US }
for (let round = 0; round < 5; round++) await compactService(SERVICE, { now: NOW, retention })

describe('judgeAndSaveLatencyHealth', () => {
  test("flags the simulator's slow operation since about when it turned slow, and only what waits on it", async () => {
    const report = await judgeAndSaveLatencyHealth(SERVICE, { now: NOW })
    expect(report.judged).toBeGreaterThan(5)
    const health = await listLatencyHealth([SERVICE])
    const slow = health.filter((row) => row.state === 'slow').sort((a, b) => b.deviation! - a.deviation!)
    // The handlers that run the query, and the service's own entry spans (operation ''), wait on it.
    expect(slow.map((row) => `${row.operation} (${row.spanKind})`).sort()).toEqual([
      ' ()',
      'GET /transactions (server)',
      'POST /transactions (server)',
      `${SLOW_OPERATION.spanName} (client)`,
    ])
    expect(slow[0]!.operation).toBe(SLOW_OPERATION.spanName) // the cause strays furthest
    expect(health.find((row) => row.operation === 'INSERT transactions')?.state).toBe('ok')
    // Judged on the hourly history before the lookback: the hour it turned slow in.
    expect(slow[0]!.slowSinceUs).toBeGreaterThan(SLOW_FROM_US - HOUR_US)
    expect(slow[0]!.slowSinceUs).toBeLessThanOrEqual(SLOW_FROM_US)
    expect(slow[0]!.deviation).toBeGreaterThan(3)
    const baseline = slow[0]!.baseline
    expect(baseline.state).toBe('ready')
    if (baseline.state === 'ready') expect(slow[0]!.currentP95Us).toBeGreaterThan(baseline.bands.p95.upperUs)
  })

  test('an unchanged watermark is not judged again; forced, the slow streak keeps its start', async () => {
    const before = (await listLatencyHealth([SERVICE])).find((row) => row.state === 'slow')!
    expect(await judgeAndSaveLatencyHealth(SERVICE, { now: NOW })).toMatchObject({ skipped: 'unchanged', judged: 0 })
    await judgeAndSaveLatencyHealth(SERVICE, { now: new Date(NOW.getTime() + 60_000), force: true })
    const after = (await listLatencyHealth([SERVICE])).find((row) => row.state === 'slow')!
    expect(after.slowSinceUs).toBe(before.slowSinceUs)
    expect(after.computedAtUs).toBeGreaterThan(before.computedAtUs)
  })

  test('a stored baseline of another version, or damaged, is left out of what pages read and judged again at the next pass', async () => {
    const slowOperation = SLOW_OPERATION.spanName
    await db.latencyHealth.updateMany({
      where: { service: SERVICE, operation: slowOperation },
      data: { baseline: { bands: 'not what we wrote' } },
    })
    await db.latencyHealth.updateMany({
      where: { service: SERVICE, operation: 'INSERT transactions' },
      data: { baseline: { state: 'insufficient', have: 1, need: 24, reason: 'unversioned, as rows were before' } },
    })
    // Version 1 kept every band's edges, keyed: readable once, another version now.
    const [keptOperation] = (await listLatencyHealth([SERVICE])).filter((row) => row.operation && row.baseline.state === 'ready')
    await db.latencyHealth.updateMany({
      where: { service: SERVICE, operation: keptOperation!.operation },
      data: { baseline: { version: 1, baseline: keptOperation!.baseline } },
    })
    const read = await listLatencyHealth([SERVICE])
    expect(read.map((row) => row.operation)).not.toContain(slowOperation)
    expect(read.map((row) => row.operation)).not.toContain('INSERT transactions')
    expect(read.map((row) => row.operation)).not.toContain(keptOperation!.operation)
    // Same watermark, not forced: judged again all the same, because rows were unreadable.
    expect(await judgeAndSaveLatencyHealth(SERVICE, { now: NOW })).toMatchObject({ judged: expect.any(Number) })
    const again = await listLatencyHealth([SERVICE])
    expect(again.find((row) => row.operation === slowOperation)?.state).toBe('slow')
    expect(again.find((row) => row.operation === 'INSERT transactions')?.state).toBe('ok')
    expect(again.find((row) => row.operation === keptOperation!.operation)?.baseline).toEqual(keptOperation!.baseline)
  })

  test('the pages read it: services list, service page (slow query first, band along the chart) and operation page', async () => {
    await db.service.create({ data: { name: 'loan-service', team: 'lending' } }) // in the inventory, never in Jaeger
    const list = await listServicesView({ range: '6h' }, NOW)
    const row = list.services.find((service) => service.service === SERVICE)!
    expect(row.status).toBe('slow')
    expect(row.slowOperations[0]!.operation).toBe(SLOW_OPERATION.spanName)
    expect(row.sparklineP95Us).toHaveLength(72) // 6 h of 5-minute steps
    expect(list.services.find((service) => service.service === 'loan-service')).toMatchObject({
      status: 'not_traced',
      summary: { count: 0 },
    })

    const view = await getServiceView(SERVICE, { range: '6h' }, NOW)
    const slowQuery = view.operations.find((operation) => operation.operation === SLOW_OPERATION.spanName)!
    expect(slowQuery.verdict?.state).toBe('slow')
    expect(slowQuery.summary.p95Us).toBeGreaterThan(slowQuery.verdict!.baselineP95!.upperUs)
    expect(view.band.filter(Boolean).length).toBe(view.series.length)
    expect(view.summary.count).toBe(view.series.reduce((sum, point) => sum + point.count, 0))
    expect(view.callers.map((edge) => edge.service)).toContain('api-gateway')

    const operation = await getOperationView(SERVICE, SLOW_OPERATION.spanName, 'client', { range: '24h' }, NOW)
    expect(operation.spanKinds).toEqual(['client'])
    expect(operation.verdict?.state).toBe('slow')
    expect(operation.distribution.total).toBe(operation.summary.count)
    expect(operation.series).toHaveLength(96) // 24 h of 15-minute steps
    // Before the slowdown the p95 sits inside the band drawn along the chart; after it, above.
    const before = operation.series.findIndex((point) => point.bucketStartUs >= SLOW_FROM_US - 2 * HOUR_US)
    expect(operation.series[before]!.p95Us).toBeLessThan(operation.band[before]!.upperUs)
    expect(operation.series.at(-2)!.p95Us).toBeGreaterThan(operation.band.at(-2)!.upperUs)

    await expect(getServiceView('no-such-service', {}, NOW)).rejects.toBeInstanceOf(NotFoundError)
    await expect(getOperationView(SERVICE, 'DROP TABLE', undefined, {}, NOW)).rejects.toBeInstanceOf(NotFoundError)
  })

  test('an admin sets the baseline window of one service; the judgement uses it and the change is audited', async () => {
    const admin = await db.user.create({ data: { email: 'sre@example.test', name: 'SRE', role: 'admin', passwordHash: 'x' } })
    await saveBaselineWindow({ service: SERVICE, days: 1 }, { by: admin.id })
    expect((await getServiceView(SERVICE, {}, NOW)).baselineWindow).toEqual({ days: 1, custom: true })
    await judgeAndSaveLatencyHealth(SERVICE, { now: NOW, force: true })
    const slow = (await listLatencyHealth([SERVICE])).find((row) => row.operation === SLOW_OPERATION.spanName)!
    expect(slow.baseline.state === 'ready' && slow.baseline.windowEndUs - slow.baseline.windowStartUs).toBe(24 * HOUR_US)
    expect(await db.auditLog.findFirst({ where: { action: 'service.baseline_window', subjectId: SERVICE } })).toMatchObject({
      actorId: admin.id,
      details: { from: 7, to: 1 },
    })
    await saveBaselineWindow({ service: SERVICE, days: 7 }, { by: admin.id })
    await judgeAndSaveLatencyHealth(SERVICE, { now: NOW, force: true })
  })

  test('too little history is "insufficient data", never a zero baseline', async () => {
    await db.syncState.update({ where: { serviceName: SERVICE }, data: { backfillFrom: new Date(ANCHOR_MS - 6 * 3_600_000) } })
    await db.$executeRaw`DELETE FROM span_rollups WHERE service = ${SERVICE} AND bucket_start < ${new Date(ANCHOR_MS - 6 * 3_600_000)}`
    await db.$executeRaw`DELETE FROM service_rollups WHERE service = ${SERVICE} AND bucket_start < ${new Date(ANCHOR_MS - 6 * 3_600_000)}`
    await judgeAndSaveLatencyHealth(SERVICE, { now: NOW, force: true })
    const health = await listLatencyHealth([SERVICE])
    expect(new Set(health.map((row) => row.state))).toEqual(new Set(['insufficient_data']))
    expect(health.every((row) => row.baseline.state === 'insufficient' && row.baseline.need === 24)).toBe(true)
  })
})

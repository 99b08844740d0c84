// The sync against the real demo Jaeger and a real Postgres: what is committed matches the
// simulator's exact counts, a window is never committed twice, and a failed commit leaves nothing.
import { afterAll, beforeEach, describe, expect, test, vi } from 'vitest'
import type { DemoHandler } from '../../demo/http/demo-response'
import { startDemoJaeger, type DemoJaeger } from '../../demo/start-demo-jaeger'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'
import { toMicros } from '@/lib/time/micros'
import { testTickContext } from '@/lib/sync/testing/test-tick-context'

const databaseUrl = await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { JaegerClient } = await import('@/lib/jaeger/client')
const { SyncLeases } = await import('./leases')
const { runSyncTick } = await import('./sync-tick')
const { commitWindow, WindowConflictError } = await import('./commit-window')
const { runWindow } = await import('./run-window')
const { committedRanges } = await import('./sync-progress')

const ANCHOR_MS = Date.UTC(2026, 10, 20, 14, 0)
const NOW = new Date(ANCHOR_MS + 30 * 60_000)
const MINUTE_US = 60_000_000
const SETTINGS = {
  backfillUs: 60 * MINUTE_US,
  liveFirstUs: 20 * MINUTE_US, // recent 20 minutes first, then the 40 before them
  settleUs: 2 * MINUTE_US,
  windowUs: 15 * MINUTE_US,
  fetch: { limit: 1000, floorUs: 5_000_000, maxRequests: 256 },
  maxWindowsPerTurn: 100,
}
vi.setConfig({ testTimeout: 120_000 })

let outage = false
const jaeger: DemoJaeger = await startDemoJaeger({
  port: 0,
  anchor: new Date(ANCHOR_MS),
  now: () => NOW.getTime(),
  wrapHandler:
    (handler: DemoHandler): DemoHandler =>
    async (request) =>
      outage ? { status: 503, headers: {}, body: 'upstream unavailable' } : handler(request),
})
const leases = [await SyncLeases.connect(databaseUrl), await SyncLeases.connect(databaseUrl)]
afterAll(async () => {
  await Promise.all(leases.map((lease) => lease.close()))
  await jaeger.close()
})

function worker(index: number, now = () => NOW) {
  const client = new JaegerClient({ baseUrl: jaeger.url, timeoutMs: 10_000, retries: 0 })
  return {
    tick: () =>
      runSyncTick(testTickContext({ client, leases: leases[index]!, services: 'from-jaeger', now, workerId: `test-${index}` }), SETTINGS),
  }
}

/** Rounds until history has merged into the live range and every watermark is within one window (+ settle) of `now`. */
async function syncUntilCaughtUp(ticks: () => Promise<unknown>, now = NOW) {
  for (let round = 0; round < 20; round++) {
    await ticks()
    const states = await db.syncState.findMany()
    if (states.length > 0 && states.every((s) => s.liveFrom === null && s.watermark.getTime() >= now.getTime() - 17 * 60_000)) return
  }
  throw new Error('the sync did not catch up in 20 rounds')
}

/** Spans and errors committed per service vs the simulator's exact counts over each service's synced range. */
async function compareWithSimulator() {
  const states = await db.syncState.findMany()
  const committed = await db.spanRollup.groupBy({
    by: ['service'],
    where: { resolution: 'minute' },
    _sum: { spanCount: true, errorCount: true },
  })
  const mismatches: string[] = []
  for (const state of states) {
    const exact = { spans: 0, errors: 0 }
    for (const range of committedRanges(state)) {
      const counts = jaeger.simulator.exactCounts({ service: state.serviceName, ...range })
      exact.spans += counts.spans
      exact.errors += counts.errors
    }
    const row = committed.find((c) => c.service === state.serviceName)
    const got = { spans: row?._sum.spanCount ?? 0, errors: row?._sum.errorCount ?? 0 }
    if (got.spans !== exact.spans || got.errors !== exact.errors)
      mismatches.push(`${state.serviceName}: ${JSON.stringify(got)} vs exact ${exact.spans}/${exact.errors}`)
  }
  // Versions: each version's spans, entry spans and entry errors equal the simulator's, per service.
  const versionRows = await db.versionRollup.groupBy({
    by: ['service', 'version'],
    where: { resolution: 'minute' },
    _sum: { spans: true, entrySpans: true, entryErrors: true },
  })
  const storedVersions = new Map(versionRows.map((row) => [`${row.service}\t${row.version}`, row._sum]))
  const exactVersions = new Map<string, { spans: number; entrySpans: number; entryErrors: number }>()
  for (const state of states) {
    for (const range of committedRanges(state)) {
      for (const [key, counts] of Object.entries(jaeger.simulator.exactCounts({ service: state.serviceName, ...range }).byVersion)) {
        const into = exactVersions.get(key) ?? { spans: 0, entrySpans: 0, entryErrors: 0 }
        exactVersions.set(key, {
          spans: into.spans + counts.spans,
          entrySpans: into.entrySpans + counts.entrySpans,
          entryErrors: into.entryErrors + counts.entryErrors,
        })
      }
    }
  }
  const versionsPerService = new Map<string, number>()
  for (const key of exactVersions.keys())
    versionsPerService.set(key.split('\t')[0]!, (versionsPerService.get(key.split('\t')[0]!) ?? 0) + 1)
  for (const key of new Set([...exactVersions.keys(), ...storedVersions.keys()])) {
    const stored = storedVersions.get(key)
    const got = { spans: stored?.spans ?? 0, entrySpans: stored?.entrySpans ?? 0, entryErrors: stored?.entryErrors ?? 0 }
    if (JSON.stringify(got) !== JSON.stringify(exactVersions.get(key)))
      mismatches.push(`${key.replace('\t', '@')}: ${JSON.stringify(got)} stored vs exact ${JSON.stringify(exactVersions.get(key))}`)
  }
  // Calls between services: the simulator's dependency links (Jaeger's derivation) over each callee's ranges.
  const expectedCalls = new Map<string, number>()
  for (const state of states) {
    for (const range of committedRanges(state)) {
      for (const link of jaeger.simulator.dependencies(range.startUs, range.endUs - 1)) {
        if (link.child !== state.serviceName) continue
        const key = `${link.parent} → ${link.child}`
        expectedCalls.set(key, (expectedCalls.get(key) ?? 0) + link.callCount)
      }
    }
  }
  const storedCalls = new Map(
    (await db.serviceDependency.findMany()).map((edge) => [`${edge.caller} → ${edge.callee}`, Number(edge.calls)]),
  )
  if (expectedCalls.size === 0) mismatches.push('no calls between services expected: the comparison proves nothing')
  for (const key of new Set([...expectedCalls.keys(), ...storedCalls.keys()])) {
    if (expectedCalls.get(key) !== storedCalls.get(key))
      mismatches.push(`${key}: ${storedCalls.get(key)} calls stored vs ${expectedCalls.get(key)} expected`)
  }
  return {
    services: states.length,
    mismatches,
    multiVersionServices: [...versionsPerService]
      .filter(([, count]) => count > 1)
      .map(([service]) => service)
      .sort(),
    totalSpans: committed.reduce((sum, c) => sum + (c._sum.spanCount ?? 0), 0),
  }
}

beforeEach(async () => {
  outage = false
  await db.$executeRawUnsafe(
    'TRUNCATE span_rollups, service_rollups, version_rollups, version_operation_rollups, service_versions, sync_windows, sync_state, service_dependencies',
  )
})

describe('sync', () => {
  test('one worker: every service caught up, committed spans and errors (per version too) equal the simulator exact counts', async () => {
    await syncUntilCaughtUp(worker(0).tick)
    const result = await compareWithSimulator()
    expect(result.services).toBe(jaeger.simulator.listServices().length)
    expect(result.mismatches).toEqual([])
    expect(result.totalSpans).toBeGreaterThan(10_000)
    expect(result.multiVersionServices).toEqual(['account-service', 'audit-log-service']) // the simulator's rollouts: the version check is not vacuous
    const services = await db.service.findMany({ where: { origin: 'discovered' }, select: { name: true } })
    expect(services.map((s) => s.name)).toContain('sanctions-screening-service')
  })

  test('two workers at once share the services: no window is committed twice, and the totals are still exact', async () => {
    const [a, b] = [worker(0), worker(1)]
    await syncUntilCaughtUp(() => Promise.all([a.tick(), b.tick()]))
    const windows = await db.syncWindow.findMany({ select: { service: true, windowStart: true, workerId: true } })
    expect(new Set(windows.map((w) => `${w.service}@${w.windowStart.toISOString()}`)).size).toBe(windows.length)
    expect(new Set(windows.map((w) => w.workerId))).toEqual(new Set(['test-0', 'test-1']))
    expect((await compareWithSimulator()).mismatches).toEqual([])
  })

  test('the most recent stretch is read first; history fills in behind it and merges exactly once', async () => {
    const client = new JaegerClient({ baseUrl: jaeger.url, timeoutMs: 10_000 })
    const oneWindowAtATime = { ...SETTINGS, maxWindowsPerTurn: 1 }
    const tick = () =>
      runSyncTick(
        testTickContext({ client, leases: leases[0]!, services: ['ledger-service'], now: () => NOW, workerId: 'live' }),
        oneWindowAtATime,
      )
    await tick()
    const first = await db.syncState.findUniqueOrThrow({ where: { serviceName: 'ledger-service' } })
    expect(first.liveFrom).not.toBeNull()
    expect(first.watermark).toEqual(first.backfillFrom) // history not started
    expect(first.liveWatermark!.getTime()).toBeGreaterThan(first.liveFrom!.getTime()) // the live range first
    for (let i = 0; i < 20 && (await db.syncState.findUniqueOrThrow({ where: { serviceName: 'ledger-service' } })).liveFrom !== null; i++)
      await tick()
    const merged = await db.syncState.findUniqueOrThrow({ where: { serviceName: 'ledger-service' } })
    expect({ liveFrom: merged.liveFrom, liveWatermark: merged.liveWatermark }).toEqual({ liveFrom: null, liveWatermark: null })
    expect(merged.watermark.getTime()).toBe(NOW.getTime() - 2 * 60_000) // the settle horizon: live kept pace, history joined it
    expect((await compareWithSimulator()).mismatches).toEqual([])
  })

  test('committing a window twice is refused and writes nothing', async () => {
    await worker(0).tick()
    const client = new JaegerClient({ baseUrl: jaeger.url, timeoutMs: 10_000 })
    const state = await db.syncState.findFirstOrThrow({ where: { serviceName: 'auth-service' } })
    const window = { startUs: toMicros(state.backfillFrom), endUs: toMicros(state.backfillFrom) + SETTINGS.windowUs }
    const result = await runWindow((s) => client.searchTraces(s), 'auth-service', window, SETTINGS.fetch)
    const before = await db.spanRollup.count()
    await expect(commitWindow({ service: 'auth-service', window, result, workerId: 'late', durationMs: 1 })).rejects.toBeInstanceOf(
      WindowConflictError,
    )
    expect(await db.spanRollup.count()).toBe(before)
  })

  test('a commit that fails half way leaves no rows and no watermark move; the redo counts once', async () => {
    // Make the last statement of the commit (the window's log row) fail for one service.
    await db.$executeRawUnsafe(
      `CREATE FUNCTION fail_window() RETURNS trigger AS $$ BEGIN IF NEW.service = 'ledger-service' THEN RAISE EXCEPTION 'crash before commit'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
    )
    await db.$executeRawUnsafe('CREATE TRIGGER fail_window BEFORE INSERT ON sync_windows FOR EACH ROW EXECUTE FUNCTION fail_window()')
    try {
      await worker(0).tick()
      const ledger = await db.syncState.findUniqueOrThrow({ where: { serviceName: 'ledger-service' } })
      expect(ledger.watermark).toEqual(ledger.backfillFrom)
      expect(ledger.lastError).toMatch(/crash before commit/)
      expect(await db.spanRollup.count({ where: { service: 'ledger-service' } })).toBe(0)
    } finally {
      await db.$executeRawUnsafe('DROP TRIGGER fail_window ON sync_windows')
      await db.$executeRawUnsafe('DROP FUNCTION fail_window()')
    }
    await db.syncState.update({ where: { serviceName: 'ledger-service' }, data: { nextAttemptAt: null } })
    await syncUntilCaughtUp(worker(0).tick)
    expect((await compareWithSimulator()).mismatches).toEqual([])
  })

  test('Jaeger down: each service records the error and backs off; back up, the sync catches up exactly', async () => {
    await syncUntilCaughtUp(worker(0).tick)
    outage = true
    const later = new Date(NOW.getTime() + 20 * 60_000) // new windows are due, and Jaeger answers 503
    const report = await worker(0, () => later).tick()
    expect(report.jaegerError).toMatch(/503/)
    const failed = await db.syncState.findMany({ where: { lastError: { not: null } } })
    expect(failed).toHaveLength(jaeger.simulator.listServices().length)
    expect(failed.every((s) => s.nextAttemptAt !== null && s.nextAttemptAt > later && s.lastError!.includes('503'))).toBe(true)
    // While backing off, a round does not even ask Jaeger for those services.
    expect((await worker(0, () => later).tick()).turns).toEqual([])
    outage = false
    const recovered = new Date(later.getTime() + 10 * 60_000) // past every backoff (≤ 5 min)
    await syncUntilCaughtUp(worker(0, () => recovered).tick, recovered)
    expect(await db.syncState.count({ where: { lastError: { not: null } } })).toBe(0)
    expect((await compareWithSimulator()).mismatches).toEqual([])
  })
})

// Worker processes against the demo Jaeger: one is killed with SIGKILL in the middle of its windows
// (Jaeger made slow so a search is in flight), which must leave no partial window; then two workers
// run together and finish the job: no window committed twice, and totals equal the simulator's.
import { spawn, type ChildProcess } from 'node:child_process'
import { afterAll, afterEach, expect, test, vi } from 'vitest'
import { startDemoJaeger } from '../../demo/start-demo-jaeger'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'

const databaseUrl = await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { committedRanges } = await import('./sync-progress')
vi.setConfig({ testTimeout: 180_000 })

const jaeger = await startDemoJaeger({ port: 0, faults: true })
afterAll(() => jaeger.close())
const children: ChildProcess[] = []
afterEach(() => children.forEach((child) => child.exitCode === null && child.kill('SIGKILL')))

const SETTLE_SECONDS = 30 // longer than any demo trace lasts, so nothing is still in flight when read
function startWorker() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'lib/worker/worker.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      JAEGER_URL: jaeger.url,
      SYNC_BACKFILL_DAYS: String(20 / 1440), // 20 minutes of history
      SYNC_WINDOW_MINUTES: '1',
      SYNC_LIVE_FIRST_MINUTES: '5', // the live range and the backfill below it, both killed in flight
      SYNC_SETTLE_SECONDS: String(SETTLE_SECONDS),
      SYNC_INTERVAL_SECONDS: '0.5',
      WORKER_HEARTBEAT_SECONDS: '1',
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  })
  children.push(child)
  return { child, exited: new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))) }
}

async function until(check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** Rows past a service's watermark would be a partial window: there must be none. */
async function partialRows() {
  const [row] = await db.$queryRaw<{ rollups: number; windows: number }[]>`
    SELECT (SELECT count(*) FROM span_rollups r JOIN sync_state s ON s.service_name = r.service
            WHERE r.resolution = 'minute' AND r.bucket_start >= s.watermark
              AND NOT (s.live_from IS NOT NULL AND r.bucket_start >= s.live_from AND r.bucket_start < s.live_watermark))::int AS rollups,
           (SELECT count(*) FROM sync_windows w JOIN sync_state s ON s.service_name = w.service
            WHERE w.window_end > s.watermark AND NOT (s.live_from IS NOT NULL AND w.window_start >= s.live_from AND w.window_end <= s.live_watermark))::int AS windows`
  return row!
}

test('SIGKILL mid-window leaves no partial window; two workers then finish it exactly once', async () => {
  await jaeger.faults.replace({ slowMs: 400, paths: ['/api/v3/traces'] })
  const first = startWorker()
  await until(async () => (await db.syncWindow.count()) >= 8, 60_000)
  first.child.kill('SIGKILL')
  expect(await first.exited).toBe(null) // killed, not exited
  expect(await partialRows()).toEqual({ rollups: 0, windows: 0 })
  const committedBefore = await db.syncWindow.count()

  await jaeger.faults.clear()
  const [a, b] = [startWorker(), startWorker()]
  const caughtUp = async () => {
    const states = await db.syncState.findMany()
    return (
      states.length >= jaeger.simulator.listServices().length &&
      states.every((s) => s.liveFrom === null && s.watermark.getTime() >= Date.now() - (SETTLE_SECONDS + 90) * 1000)
    )
  }
  await until(caughtUp, 120_000)
  a.child.kill('SIGTERM')
  b.child.kill('SIGTERM')
  expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0])

  expect(await partialRows()).toEqual({ rollups: 0, windows: 0 })
  const windows = await db.syncWindow.findMany({ select: { service: true, windowStart: true, workerId: true } })
  expect(windows.length).toBeGreaterThan(committedBefore)
  expect(new Set(windows.map((w) => `${w.service}@${w.windowStart.toISOString()}`)).size).toBe(windows.length)
  expect(new Set(windows.map((w) => w.workerId)).size).toBe(3) // the killed one and both survivors committed
  const mismatches: string[] = []
  for (const state of await db.syncState.findMany()) {
    const exact = committedRanges(state).reduce(
      (sum, range) => sum + jaeger.simulator.exactCounts({ service: state.serviceName, ...range }).spans,
      0,
    )
    // Minute rows only: the workers compact as they go, and an hour row holds the same spans again.
    const committed =
      (await db.spanRollup.aggregate({ where: { service: state.serviceName, resolution: 'minute' }, _sum: { spanCount: true } }))._sum
        .spanCount ?? 0
    if (committed !== exact) mismatches.push(`${state.serviceName}: ${committed} vs ${exact}`)
  }
  expect(mismatches).toEqual([])
})

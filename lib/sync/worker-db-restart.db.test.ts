// The worker as a real process while its Postgres restarts under it: the worker syncs the demo Jaeger,
// the server stops for a few seconds (windows in flight) and starts again, and the worker carries on —
// alive, leasing and syncing again, every window committed exactly once (totals equal the simulator's),
// each outage logged once. A SIGTERM during a second outage still stops it promptly.
// The server is a throwaway cluster of this file's own: restarting the shared test server would break
// every other DB test running beside this one.
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, expect, test, vi } from 'vitest'
import { startDemoJaeger } from '../../demo/start-demo-jaeger'
import { startEmbeddedPostgres, type RunningPostgres } from '@/lib/db/embedded-postgres'
import { migrateDeploy } from '@/scripts/stack/database'
import { assertPortFree } from '@/scripts/stack/free-port'

vi.setConfig({ testTimeout: 150_000 })

/**
 * Below the kernel's ephemeral range (32768–60999 on Linux), so no outgoing connection can take the
 * port while the server is down between stop and start.
 */
async function pickPort(): Promise<number> {
  for (;;) {
    const port = 20_000 + crypto.randomInt(12_000)
    if (
      await assertPortFree(port, 'port').then(
        () => true,
        () => false,
      )
    )
      return port
  }
}

const dataDir = path.resolve(`.data/worker-db-restart-${crypto.randomBytes(4).toString('hex')}`)
const cluster = { dataDir, port: await pickPort(), database: 'spanlens' }
let postgres: RunningPostgres = await startEmbeddedPostgres(cluster)
afterAll(async () => {
  await postgres.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
})
await migrateDeploy(postgres.url, true)
process.env.DATABASE_URL = postgres.url // this file's own reads, through the shared Prisma client
const { db, disconnectDb, Prisma } = await import('@/lib/db/client')
const { committedRanges } = await import('./sync-progress')
afterAll(() => disconnectDb()) // after* hooks run last-registered first: before the server stops

const jaeger = await startDemoJaeger({ port: 0, faults: true })
afterAll(() => jaeger.close())

const SETTLE_SECONDS = 30 // longer than any demo trace lasts, so nothing is still in flight when read
const worker = (() => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'lib/worker/worker.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: postgres.url,
      JAEGER_URL: jaeger.url,
      SYNC_BACKFILL_DAYS: String(4 / 1440), // 4 minutes of history: a few windows for each service
      SYNC_WINDOW_MINUTES: '1',
      SYNC_SETTLE_SECONDS: String(SETTLE_SECONDS),
      SYNC_INTERVAL_SECONDS: '0.5',
      WORKER_HEARTBEAT_SECONDS: '1',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  /** How many log lines carry exactly this message. */
  const logged = (message: string) => output.split('\n').filter((line) => line.includes(`"msg":"${message}"`)).length
  return { child, exited, logged, output: () => output }
})()
afterEach(() => void (worker.child.exitCode === null && worker.child.kill('SIGKILL'))) // even when an assertion failed

async function until(check: () => Promise<boolean> | boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (worker.child.exitCode !== null) throw new Error(`the worker exited (${worker.child.exitCode}):\n${worker.output().slice(-4000)}`)
    if (Date.now() > deadline) throw new Error(`timed out waiting; worker output:\n${worker.output().slice(-4000)}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const LEASES_LOST = 'lease connection lost; this worker holds no sync leases until it reconnects'
const LEASES_RESTORED = 'lease connection restored; services are leased again on their next turn'
const DATABASE_LOST = 'database unreachable; the worker keeps retrying until it answers'
const DATABASE_BACK = 'database reachable again'

test('Postgres restarting under a running worker: it reconnects, leases again and commits every window exactly once', async () => {
  // Slow searches keep windows in flight when the server stops, and work left for after it is back.
  await jaeger.faults.replace({ slowMs: 150, paths: ['/api/v3/traces'] })
  await until(async () => (await db.syncWindow.count()) >= 10, 60_000)

  await postgres.stop()
  await sleep(3_000) // several rounds and heartbeats fail meanwhile
  postgres = await startEmbeddedPostgres(cluster)
  const restartedAt = new Date()
  await jaeger.faults.clear()

  const caughtUp = async () => {
    const states = await db.syncState.findMany()
    return (
      states.length >= jaeger.simulator.listServices().length &&
      states.every((s) => s.liveFrom === null && s.watermark.getTime() >= Date.now() - (SETTLE_SECONDS + 90) * 1000)
    )
  }
  await until(caughtUp, 90_000)
  expect(worker.child.exitCode).toBeNull()
  expect(await db.syncWindow.count({ where: { committedAt: { gt: restartedAt } } })).toBeGreaterThan(0) // leased and synced again
  await until(
    async () => (await db.workerHeartbeat.findFirstOrThrow({ where: { pid: worker.child.pid! } })).lastSeenAt > restartedAt,
    10_000,
  )

  // One snapshot, while the worker keeps going: its cursors and the rollups they account for.
  const [states, sums, windows] = await db.$transaction(
    [
      db.syncState.findMany(),
      db.spanRollup.groupBy({ by: ['service'], where: { resolution: 'minute' }, _sum: { spanCount: true }, orderBy: { service: 'asc' } }),
      db.syncWindow.findMany({ select: { service: true, windowStart: true } }),
    ],
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
  )
  expect(new Set(windows.map((w) => `${w.service}@${w.windowStart.toISOString()}`)).size).toBe(windows.length)
  const committed = new Map(sums.map((sum) => [sum.service, sum._sum?.spanCount ?? 0]))
  const mismatches: string[] = []
  for (const state of states) {
    const exact = committedRanges(state).reduce(
      (sum, range) => sum + jaeger.simulator.exactCounts({ service: state.serviceName, ...range }).spans,
      0,
    )
    if ((committed.get(state.serviceName) ?? 0) !== exact)
      mismatches.push(`${state.serviceName}: ${committed.get(state.serviceName) ?? 0} vs ${exact}`)
  }
  expect(mismatches).toEqual([])
  expect([LEASES_LOST, LEASES_RESTORED, DATABASE_LOST, DATABASE_BACK].map(worker.logged)).toEqual([1, 1, 1, 1])

  // A second outage, and SIGTERM in the middle of it.
  await postgres.stop()
  await until(() => worker.logged(LEASES_LOST) === 2, 10_000)
  const stoppingAt = Date.now()
  worker.child.kill('SIGTERM')
  expect(await worker.exited).toBe(0)
  expect(Date.now() - stoppingAt).toBeLessThan(5_000)
})

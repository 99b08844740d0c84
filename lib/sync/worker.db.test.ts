// The worker as a real process: it starts, heartbeats against the real demo Jaeger, survives Jaeger
// being down, refuses a bad environment by name, and stops cleanly on SIGTERM.
import { spawn } from 'node:child_process'
import net from 'node:net'
import { afterAll, afterEach, describe, expect, test } from 'vitest'
import { startDemoJaeger } from '../../demo/start-demo-jaeger'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'

const databaseUrl = await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const jaeger = await startDemoJaeger({ port: 0 })
afterAll(() => jaeger.close())
const started: ReturnType<typeof spawn>[] = []
afterEach(() => started.forEach((child) => child.exitCode === null && child.kill('SIGKILL'))) // even when an assertion failed

function startWorker(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'lib/worker/worker.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      WORKER_HEARTBEAT_SECONDS: '1',
      LOG_LEVEL: 'info',
      SYNC_BACKFILL_DAYS: '0.01',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  started.push(child)
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { child, exited, output: () => output }
}

async function until<T>(read: () => Promise<T | null | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (value) return value
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

describe('npm run worker', () => {
  test('heartbeats with Jaeger reachable, then stops cleanly on SIGTERM', async () => {
    const worker = startWorker({ JAEGER_URL: jaeger.url })
    const beat = await until(() =>
      db.workerHeartbeat.findFirst({ where: { pid: worker.child.pid!, jaegerProbe: { path: ['ok'], equals: true } } }),
    )
    expect(beat.stoppedAt).toBeNull()
    const first = beat.lastSeenAt.getTime()
    await until(async () => ((await db.workerHeartbeat.findUnique({ where: { id: beat.id } }))!.lastSeenAt.getTime() > first ? true : null))
    worker.child.kill('SIGTERM')
    expect(await worker.exited).toBe(0)
    expect((await db.workerHeartbeat.findUniqueOrThrow({ where: { id: beat.id } })).stoppedAt).not.toBeNull()
    expect(worker.output()).toMatch(/jaeger reachable/)
  })

  test('keeps running while Jaeger is down, recording why', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo
        server.close(() => resolve(port))
      })
    })
    const worker = startWorker({ JAEGER_URL: `http://127.0.0.1:${closedPort}` })
    const beat = await until(() =>
      db.workerHeartbeat.findFirst({ where: { pid: worker.child.pid!, jaegerProbe: { path: ['ok'], equals: false } } }),
    )
    expect(beat.jaegerProbe).toMatchObject({ ok: false, error: expect.stringMatching(/ECONNREFUSED/) })
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(worker.child.exitCode).toBeNull()
    worker.child.kill('SIGTERM')
    expect(await worker.exited).toBe(0)
  })

  test('refuses a bad environment, naming the variable', async () => {
    const worker = startWorker({ JAEGER_URL: 'jaeger:16686' })
    expect(await worker.exited).toBe(78)
    expect(worker.output()).toMatch(/JAEGER_URL: must be an http\(s\) URL/)
  })
})

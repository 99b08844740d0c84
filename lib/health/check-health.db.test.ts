import { afterAll, describe, expect, test } from 'vitest'
import { startDemoJaeger } from '../../demo/start-demo-jaeger'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'

await createScratchDatabase()
const jaeger = await startDemoJaeger({ port: 0 })
afterAll(() => jaeger.close())
process.env.JAEGER_URL = jaeger.url
process.env.WORKER_HEARTBEAT_SECONDS = '10'
const { checkHealth } = await import('./check-health')
const { saveHeartbeat } = await import('@/lib/sync/heartbeat-repository')

const worker = { id: 'test:1:abc', host: 'test', pid: 1, version: '0.0.0', startedAt: new Date() }

describe('checkHealth', () => {
  test('live: probes Jaeger now; without a worker the status is degraded', async () => {
    const health = await checkHealth({ jaeger: 'live' })
    expect(health.database.ok).toBe(true)
    expect(health.jaeger).toMatchObject({ ok: true, api: 'v3', source: 'live' })
    expect(health.worker).toEqual({ ok: false, lastSeenAt: null })
    expect(health.status).toBe('degraded')
  })

  test('worker: no running worker means Jaeger is unknown, not down', async () => {
    const health = await checkHealth({ jaeger: 'worker' })
    expect(health.jaeger).toBeNull()
  })

  test("worker: a fresh heartbeat's view of Jaeger is reported as the worker's, and all is ok", async () => {
    const seenAt = new Date()
    await saveHeartbeat(worker, { ok: true, api: 'v3', serviceCount: 19, latencyMs: 4 }, seenAt)
    const health = await checkHealth({ jaeger: 'worker' }, new Date(seenAt.getTime() + 5000))
    expect(health.jaeger).toEqual({
      ok: true,
      api: 'v3',
      serviceCount: 19,
      latencyMs: 4,
      checkedAt: seenAt.toISOString(),
      source: 'worker',
    })
    expect(health.status).toBe('ok')
  })

  test('worker: a stale heartbeat is not trusted', async () => {
    const seenAt = new Date(Date.now() - 60_000)
    await saveHeartbeat(worker, { ok: false, error: 'timed out', latencyMs: 3000 }, seenAt)
    const health = await checkHealth({ jaeger: 'worker' })
    expect(health.worker.ok).toBe(false)
    expect(health.jaeger).toBeNull()
  })
})

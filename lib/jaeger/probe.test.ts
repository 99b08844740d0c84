// probeJaeger against the demo Jaeger, with its handler wrapped to misbehave the ways a real one does.
import { afterEach, describe, expect, test } from 'vitest'
import type { DemoHandler } from '../../demo/http/demo-response'
import { startDemoJaeger, type DemoJaeger } from '../../demo/start-demo-jaeger'
import { probeJaeger } from './probe'

let jaeger: DemoJaeger | undefined
afterEach(async () => {
  await jaeger?.close()
  jaeger = undefined
})
const start = async (wrapHandler?: (handler: DemoHandler) => DemoHandler) => (jaeger = await startDemoJaeger({ port: 0, wrapHandler }))

describe('probeJaeger', () => {
  test('a Jaeger with api/v3 is up on v3, with its service count', async () => {
    const { url, simulator } = await start()
    expect(await probeJaeger(url, 2000)).toMatchObject({ ok: true, api: 'v3', serviceCount: simulator.listServices().length })
  })

  test('a Jaeger without api/v3 (before 1.35) is up on the classic API', async () => {
    const { url } = await start(
      (handler) => async (request) =>
        request.path.startsWith('/api/v3/') ? { status: 404, headers: {}, body: '404 page not found\n' } : handler(request),
    )
    expect(await probeJaeger(url, 2000)).toMatchObject({ ok: true, api: 'classic' })
  })

  test('a body that is not what the endpoint promises is an error naming the endpoint, not a crash', async () => {
    const { url } = await start(() => async () => ({
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: '{"services": 5}',
    }))
    const probe = await probeJaeger(url, 2000)
    expect(probe).toMatchObject({ ok: false, error: expect.stringContaining('/api/v3/services') })
  })

  test('truncated JSON and server errors are errors too', async () => {
    const { url } = await start(() => async () => ({ status: 502, headers: {}, body: '<html>Bad Gateway' }))
    expect(await probeJaeger(url, 2000)).toMatchObject({ ok: false, error: 'GET /api/v3/services answered 502' })
  })

  test('a slow Jaeger times out within the budget', async () => {
    const { url } = await start((handler) => async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 1500))
      return handler(request)
    })
    const probe = await probeJaeger(url, 200)
    expect(probe).toMatchObject({ ok: false, error: 'timed out' })
    expect(probe.latencyMs).toBeLessThan(1000)
  })
})

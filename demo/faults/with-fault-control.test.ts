// The fault switch over HTTP (PUT/GET/DELETE /__demo/faults), in process and through demo/server.ts.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { startDemoJaeger, type DemoJaeger } from '../start-demo-jaeger'
import type { FaultSwitch } from './fault-switch'
import { fetchOutcome, freshConnectionOutcome, get, waitUntilAnswering } from './request-outcome'
import { FAULT_CONTROL_PATH } from './with-fault-control'

const ANCHOR = new Date('2025-11-20T12:00:00Z')
const NOW_MS = ANCHOR.getTime() + 30 * 60_000

let demo: DemoJaeger & { faults: FaultSwitch }
const url = (path: string) => demo.url + path
beforeAll(async () => {
  demo = await startDemoJaeger({ port: 0, anchor: ANCHOR, now: () => NOW_MS, faults: true })
})
afterEach(() => demo.faults.clear())
afterAll(() => demo.close())

const control = (method: string, body?: unknown) =>
  get(url(FAULT_CONTROL_PATH), { method, body: typeof body === 'string' ? body : JSON.stringify(body) })

describe('PUT, GET, DELETE /__demo/faults', () => {
  test('PUT replaces the faults and answers them, GET reads them, DELETE clears them', async () => {
    const put = await control('PUT', { errorRate: 1, errorStatus: 503, paths: ['/api/v3/'] })
    expect(put.status).toBe(200)
    expect(JSON.parse(put.text)).toEqual({ errorRate: 1, errorStatus: 503, paths: ['/api/v3/'] })
    expect(await fetchOutcome(url('/api/v3/services'))).toBe('HTTP 503')
    expect(await fetchOutcome(url('/api/services'))).toBe('HTTP 200')
    expect(JSON.parse((await control('PUT', { slowMs: 10 })).text)).toEqual({ slowMs: 10 })
    expect(JSON.parse((await control('GET')).text)).toEqual({ slowMs: 10 })
    expect(demo.faults.current()).toEqual({ slowMs: 10 })
    expect(JSON.parse((await control('DELETE')).text)).toEqual({})
    expect(demo.faults.current()).toEqual({})
  })

  test('the endpoint itself is never faulted', async () => {
    await control('PUT', { down: 'reset', slowMs: 2000, errorRate: 1, truncate: true })
    expect(await fetchOutcome(url('/api/v3/services'))).toBe('ECONNRESET')
    const read = await control('GET')
    expect(read.elapsedMs).toBeLessThan(1000)
    expect(JSON.parse(read.text)).toMatchObject({ down: 'reset', truncate: true })
    expect((await control('DELETE')).status).toBe(200)
    expect(await fetchOutcome(url('/api/v3/services'))).toBe('HTTP 200')
  })

  test("down 'refuse' with downForMs: nothing listens, then the server comes back by itself", async () => {
    const put = await control('PUT', { down: 'refuse', downForMs: 300 })
    expect(put.status).toBe(200)
    expect(put.headers.get('connection')).toBe('close')
    expect(await freshConnectionOutcome(url('/api/v3/services'))).toBe('ECONNREFUSED')
    await waitUntilAnswering(url('/api/v3/services'), 2000)
    expect(JSON.parse((await control('GET')).text)).toEqual({})
  })

  test.each([
    ['a body that is not JSON', '{"errorRate":', ''],
    ['an empty body', '', ''],
    ['errorRate above 1', { errorRate: 1.5 }, 'errorRate'],
    ['an error status that is not an error', { errorRate: 1, errorStatus: 200 }, 'errorStatus'],
    ['an unknown down mode', { down: 'sometimes' }, 'down'],
    ["down 'refuse' that would never lift", { down: 'refuse' }, 'downForMs'],
    ['an unknown corrupt mode', { corrupt: 'bits' }, 'corrupt'],
    ['a path prefix without its leading slash', { paths: ['api/v3/traces'] }, 'paths.0'],
    ['times that is not a whole number', { errorRate: 1, times: 1.5 }, 'times'],
    ['a skew offset that is not whole µs', { skew: [{ service: 'payment-gateway', offsetUs: 0.5 }] }, 'skew.0.offsetUs'],
    ['a skew without its service', { skew: [{ offsetUs: 1000 }] }, 'skew.0.service'],
  ])('400 naming the field, faults unchanged: %s', async (_, body, field) => {
    await demo.faults.set({ slowMs: 1 })
    const answer = await control('PUT', body)
    expect(answer.status).toBe(400)
    const parsed = JSON.parse(answer.text) as { error: string; issues: { path: string; message: string }[] }
    expect(parsed.error).toBe('invalid_input')
    expect(parsed.issues[0]!.path).toBe(field)
    expect(demo.faults.current()).toEqual({ slowMs: 1 })
  })

  test('an unknown key is refused by name (a typo would otherwise be a silent no-op)', async () => {
    const answer = await control('PUT', { errorrate: 0.5 })
    expect(answer.status).toBe(400)
    expect(answer.text).toContain('errorrate')
  })

  test('another method is a 405 naming the ones allowed', async () => {
    const answer = await control('POST', {})
    expect(answer.status).toBe(405)
    expect(answer.headers.get('allow')).toBe('GET, PUT, DELETE')
  })
})

test('off by default: without faults the control path is a plain 404, as any unknown path', async () => {
  const plain = await startDemoJaeger({ port: 0, anchor: ANCHOR, now: () => NOW_MS })
  try {
    expect(plain.faults).toBeUndefined()
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const answer = await get(plain.url + FAULT_CONTROL_PATH, { method, body: method === 'PUT' ? '{"errorRate":1}' : undefined })
      expect(answer.status).toBe(404)
      expect(answer.text).toBe('404 page not found\n')
    }
    expect(await fetchOutcome(`${plain.url}/api/v3/services`)).toBe('HTTP 200')
  } finally {
    await plain.close()
  }
})

describe('demo/server.ts', () => {
  const ROOT = path.resolve(import.meta.dirname, '../..')

  /** Starts the process entry on a free port and returns its URL; stop() ends it (SIGTERM) and waits. */
  async function startServer(flags: string[]) {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'demo/server.ts', '--port', '0', '--anchor', ANCHOR.toISOString(), ...flags],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    const stop = async () => {
      child.kill('SIGTERM')
      return exited
    }
    let output = ''
    const serverUrl = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        const match = /listening on (http:\/\/\S+)/.exec(output)
        if (match) resolve(match[1]!)
      })
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
      void exited.then((code) => reject(new Error(`demo/server.ts exited (${code}) before listening:\n${output}`)))
    }).catch(async (error: unknown) => {
      await stop()
      throw error
    })
    return { serverUrl, stop }
  }

  test('--faults turns the control endpoint on; a fault set through it takes effect', async () => {
    const { serverUrl, stop } = await startServer(['--faults'])
    try {
      expect((await get(serverUrl + FAULT_CONTROL_PATH, { method: 'PUT', body: '{"errorRate":1,"errorStatus":502}' })).status).toBe(200)
      expect(await fetchOutcome(`${serverUrl}/api/v3/services`)).toBe('HTTP 502')
      expect((await get(serverUrl + FAULT_CONTROL_PATH, { method: 'DELETE' })).status).toBe(200)
      expect(await fetchOutcome(`${serverUrl}/api/v3/services`)).toBe('HTTP 200')
      // While nothing listens, the pending lift alone must keep the process alive.
      expect((await get(serverUrl + FAULT_CONTROL_PATH, { method: 'PUT', body: '{"down":"refuse","downForMs":300}' })).status).toBe(200)
      expect(await freshConnectionOutcome(`${serverUrl}/api/v3/services`)).toBe('ECONNREFUSED')
      await waitUntilAnswering(`${serverUrl}/api/v3/services`, 3000)
    } finally {
      expect(await stop()).toBe(0)
    }
  })

  test('without --faults the control path is a 404', async () => {
    const { serverUrl, stop } = await startServer([])
    try {
      expect((await get(serverUrl + FAULT_CONTROL_PATH, { method: 'PUT', body: '{"errorRate":1}' })).status).toBe(404)
      expect(await fetchOutcome(`${serverUrl}/api/v3/services`)).toBe('HTTP 200')
    } finally {
      expect(await stop()).toBe(0)
    }
  })
})

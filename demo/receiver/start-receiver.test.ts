// The receiver over a real socket: what a sender (Spanlens' worker, Alertmanager, curl) sees.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { MAX_BODY_BYTES } from './handle-receiver-request'
import { notificationsResponseSchema } from './schemas'
import { startReceiver, type DemoReceiver } from './start-receiver'

const SAMPLES = path.resolve(import.meta.dirname, '../../fixtures/formats/alertmanager-webhook')
const sampleText = (file: string) => fs.readFileSync(path.join(SAMPLES, file), 'utf8')

let receiver: DemoReceiver
const heard: number[] = []
beforeAll(async () => {
  receiver = await startReceiver({ port: 0, onNotification: (notification) => heard.push(notification.id) })
})
afterAll(() => receiver.close())

const post = (body: string) => fetch(`${receiver.url}/alerts`, { method: 'POST', body, headers: { 'content-type': 'application/json' } })

describe('startReceiver', () => {
  test('listens on the port asked for (0: a free one), on loopback', () => {
    expect(receiver.url).toBe(`http://127.0.0.1:${receiver.port}`)
    expect(receiver.port).toBeGreaterThan(0)
  })

  test('a delivery is kept, told to the listener and listed; the page shows it', async () => {
    const response = await post(sampleText('prom_post_request_12_alerts.json'))
    expect(response.status).toBe(200)
    const { id } = (await response.json()) as { id: number }
    expect(heard).toContain(id)
    const listed = notificationsResponseSchema.parse(await (await fetch(`${receiver.url}/api/notifications?ignored=1`)).json())
    expect(listed.notifications[0]).toMatchObject({ id, payload: { receiver: 'teams_proxy' } })
    expect(listed.notifications[0]!.payload.alerts).toHaveLength(12)
    const page = await fetch(`${receiver.url}/`)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await page.text()).toContain('<strong>high_memory_load2</strong>')
  })

  test('an invalid one is 400 naming the field', async () => {
    const response = await post(sampleText('without_mandatory_field.json'))
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ error: 'invalid_input', issues: [{ path: 'status', message: 'required' }] })
  })

  test('a body of exactly 1 MiB is read (and refused as not a notification); one byte more is 413', async () => {
    const padded = (bytes: number) => ' '.repeat(bytes)
    expect((await post(padded(MAX_BODY_BYTES))).status).toBe(400)
    const tooLarge = await post(padded(MAX_BODY_BYTES + 1))
    expect(tooLarge.status).toBe(413)
    expect(await tooLarge.json()).toMatchObject({ error: 'payload_too_large' })
  })

  test('a chunked body past 1 MiB (no Content-Length) is 413 too, and the receiver keeps answering', async () => {
    const chunks = [Buffer.alloc(600_000, 0x20), Buffer.alloc(600_000, 0x20)]
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks.shift()
        if (chunk) controller.enqueue(chunk)
        else controller.close()
      },
    })
    const response = await fetch(`${receiver.url}/alerts`, { method: 'POST', body: stream, duplex: 'half' } as RequestInit)
    expect(response.status).toBe(413)
    expect((await fetch(`${receiver.url}/health`)).status).toBe(200)
  })

  test('another method is 405', async () => {
    const response = await fetch(`${receiver.url}/alerts`)
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST')
  })

  test('a port in use is refused', async () => {
    await expect(startReceiver({ port: receiver.port })).rejects.toThrow(/EADDRINUSE/)
  })
})

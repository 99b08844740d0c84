import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { handleReceiverRequest } from './handle-receiver-request'
import { createNotificationStore } from './notification-store'
import { notificationsResponseSchema } from './schemas'

const SAMPLES = path.resolve(import.meta.dirname, '../../fixtures/formats/alertmanager-webhook')
const sampleText = (file: string) => fs.readFileSync(path.join(SAMPLES, file), 'utf8')

function receiver() {
  const store = createNotificationStore({ now: () => Date.parse('2026-12-06T12:00:00Z') })
  const send = (method: string, requestPath: string, body = '') => handleReceiverRequest({ method, path: requestPath, body }, store)
  return { store, send }
}
const bodyOf = (response: { body: string }) => JSON.parse(response.body) as Record<string, unknown>

describe('handleReceiverRequest', () => {
  test('POST /alerts keeps a real Alertmanager delivery and answers 200 with its number', () => {
    const { store, send } = receiver()
    const response = send('POST', '/alerts', sampleText('alert.json'))
    expect(response.status).toBe(200)
    expect(bodyOf(response)).toEqual({ status: 'received', id: 1 })
    expect(store.list().notifications[0]?.payload.receiver).toBe('ops-zulip')
  })

  test('POST /alerts refuses an invalid one with 400 naming each path, and keeps nothing', () => {
    const { store, send } = receiver()
    const response = send('POST', '/alerts', sampleText('without_mandatory_field.json'))
    expect(response.status).toBe(400)
    expect(bodyOf(response)).toEqual({ error: 'invalid_input', issues: [{ path: 'status', message: 'required' }] })
    expect(send('POST', '/alerts', '{"receiver":').status).toBe(400)
    expect(store.list().received).toBe(0)
  })

  test('GET /api/notifications lists what was kept, newest first, in the shape its schema reads', () => {
    const { send } = receiver()
    send('POST', '/alerts', sampleText('alert.json'))
    send('POST', '/alerts', sampleText('with_common_items.json'))
    const response = send('GET', '/api/notifications')
    expect(response).toMatchObject({ status: 200, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } })
    const listed = notificationsResponseSchema.parse(bodyOf(response))
    expect(listed.received).toBe(2)
    expect(listed.notifications.map(({ id, payload }) => [id, payload.receiver, payload.status])).toEqual([
      [2, 'echo', 'resolved'],
      [1, 'ops-zulip', 'firing'],
    ])
  })

  test('GET / is the HTML page, under a policy that allows no script and nothing from elsewhere', () => {
    const { send } = receiver()
    send('POST', '/alerts', sampleText('alert.json'))
    const response = send('GET', '/')
    expect(response.status).toBe(200)
    expect(response.headers['Content-Type']).toBe('text/html; charset=utf-8')
    expect(response.headers['Content-Security-Policy']).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/)
    expect(response.body).toContain('<strong>ops-zulip</strong>')
  })

  test('GET /health answers 200', () => {
    expect(receiver().send('GET', '/health')).toMatchObject({ status: 200, body: '{"status":"ok"}' })
  })

  test.each([
    ['GET', '/alerts', 'POST'],
    ['PUT', '/alerts', 'POST'],
    ['POST', '/', 'GET, HEAD'],
    ['DELETE', '/api/notifications', 'GET, HEAD'],
    ['POST', '/health', 'GET, HEAD'],
  ])('%s %s is 405, with Allow: %s', (method, requestPath, allow) => {
    const response = receiver().send(method, requestPath)
    expect(response.status).toBe(405)
    expect(response.headers.Allow).toBe(allow)
    expect(bodyOf(response)).toMatchObject({ error: 'method_not_allowed' })
  })

  test.each(['/api/v2/alerts', '/alerts/', '/favicon.ico'])('%s is 404', (requestPath) => {
    expect(receiver().send('POST', requestPath).status).toBe(404)
  })
})

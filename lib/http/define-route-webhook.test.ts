// defineRoute's webhook mode: the signature over the raw bytes is the only credential, checked before
// anything runs; no session is looked up and no origin check applies.
import { NextRequest } from 'next/server'
import { describe, expect, test, vi } from 'vitest'
import { UnavailableError } from '@/lib/errors'

vi.mock('@/lib/auth/session', () => ({
  getCurrentUser: vi.fn(async () => {
    throw new Error('a webhook must not look up a session')
  }),
}))
const { defineRoute, MAX_BODY_BYTES } = await import('./define-route')

const context = { params: Promise.resolve({}) }
const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
  new NextRequest('http://localhost/api/v1/webhooks/test', {
    method: 'POST',
    body: new Uint8Array(body instanceof Buffer ? body : Buffer.from(body)),
    headers,
  })

function route(verify: (rawBody: Buffer, headers: Headers) => { ok: true } | { ok: false; reason: string }) {
  const run = vi.fn(async ({ rawBody }: { rawBody: Buffer | null }) => ({ received: rawBody!.toString('hex') }))
  const handler = defineRoute({
    permission: { public: true },
    webhook: { verify: ({ rawBody, headers }) => verify(rawBody, headers) },
    run,
  })
  return { handler, run }
}

describe('defineRoute webhook mode', () => {
  test('a delivery that does not verify is 401 and never runs', async () => {
    const { handler, run } = route(() => ({ ok: false, reason: 'mismatch' }))
    const response = await handler(post('{"a":1}'), context)
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ error: 'unauthorized', message: expect.stringContaining('mismatch') })
    expect(run).not.toHaveBeenCalled()
  })

  test('a verified delivery runs with the bytes exactly as sent, whatever its origin or content type', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}\n')])
    const { handler } = route((rawBody, headers) =>
      rawBody.equals(bytes) && headers.get('x-sig') === 'ok' ? { ok: true } : { ok: false, reason: 'x' },
    )
    const response = await handler(
      post(bytes, { 'x-sig': 'ok', origin: 'https://events.pagerduty.com', 'content-type': 'text/plain' }),
      context,
    )
    expect(response.status).toBe(201)
    expect(await response.json()).toEqual({ received: bytes.toString('hex') })
  })

  test('an unconfigured receiver answers 503; an oversized body 413 before any check', async () => {
    const unconfigured = route(() => {
      throw new UnavailableError('not configured')
    })
    expect((await unconfigured.handler(post('{}'), context)).status).toBe(503)
    const verify = vi.fn(() => ({ ok: true as const }))
    const big = route(verify)
    expect((await big.handler(post('x'.repeat(MAX_BODY_BYTES + 1)), context)).status).toBe(413)
    expect(verify).not.toHaveBeenCalled()
  })

  test('a webhook route cannot also ask for a session or a parsed body', () => {
    expect(() => defineRoute({ permission: 'dashboard.read', webhook: { verify: () => ({ ok: true }) }, run: async () => null })).toThrow(
      /webhook route is public/,
    )
  })
})

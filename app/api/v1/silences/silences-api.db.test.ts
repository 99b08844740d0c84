// The silences API through its real handlers (defineRoute, the repository, Postgres), signed in as an
// admin or an engineer, or called with an API token: Alertmanager v2's JSON, status codes, and the
// field each refusal names.
import { NextRequest } from 'next/server'
import { beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import type { ActiveUser } from '@/lib/auth/schemas'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'

let signedIn: ActiveUser | null = null
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: vi.fn(async () => signedIn) }))

await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { createTestActors } = await import('@/lib/users/testing/test-actors')
const silences = await import('./route')
const oneSilence = await import('./[id]/route')

const HOUR = 3_600_000
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000'
const body = (change: Record<string, unknown> = {}) => ({
  matchers: [
    { name: 'alertname', value: 'High p95 latency', isRegex: false, isEqual: true },
    { name: 'service', value: 'transactions-.*', isRegex: true, isEqual: true },
  ],
  startsAt: new Date(Date.now() - 60_000).toISOString(),
  endsAt: new Date(Date.now() + HOUR).toISOString(),
  comment: 'Rolling out transactions-service 2.4',
  ...change,
})

let admin: ActiveUser
let engineer: ActiveUser
let tokens: Record<'alerts' | 'overhead', string>

beforeAll(async () => {
  ;({ admin, engineer, tokens } = await createTestActors({
    alerts: { name: 'deploy-bot', scopes: ['alerts.write'] },
    overhead: { name: 'k6', scopes: ['overhead.write'] },
  }))
})

beforeEach(async () => {
  signedIn = null
  await db.$executeRawUnsafe('TRUNCATE silences CASCADE')
})

type Call = { body?: unknown; query?: string; as?: ActiveUser | null; token?: keyof typeof tokens }
async function call(method: 'GET' | 'POST' | 'DELETE', id: string | null, { body, query = '', as = admin, token }: Call = {}) {
  signedIn = token ? null : as
  const request = new NextRequest(`http://localhost/api/v1/silences${id === null ? '' : `/${id}`}${query}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${tokens[token]}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const response =
    id === null
      ? await silences[method as 'GET' | 'POST'](request, { params: Promise.resolve({}) })
      : await oneSilence.DELETE(request, { params: Promise.resolve({ id }) })
  const text = await response.text()
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null }
}

const pathsOf = (json: { issues?: { path: string }[] }) => (json.issues ?? []).map((issue) => issue.path)

describe('POST /api/v1/silences', () => {
  test('201 with its silenceID; who silences defaults to the user, or the token; audited', async () => {
    const created = await call('POST', null, { body: body() })
    expect(created.status).toBe(201)
    expect(created.json).toEqual({ silenceID: expect.any(String) })
    const byToken = await call('POST', null, { body: body({ matchers: 'alertname="X"' }), token: 'alerts' })
    expect(byToken.status).toBe(201)
    const named = await call('POST', null, { body: body({ matchers: ['alertname="Y"'], createdBy: 'on-call' }) })
    const rows = await db.silence.findMany({ orderBy: { createdAt: 'asc' } })
    expect(rows.map((row) => [row.id, row.createdBy, row.createdById])).toEqual([
      [created.json.silenceID, 'admin@example.com', admin.id],
      [byToken.json.silenceID, 'deploy-bot', null],
      [named.json.silenceID, 'on-call', admin.id],
    ])
    const audit = await db.auditLog.findFirst({ where: { action: 'silence.create', subjectId: byToken.json.silenceID } })
    expect(audit?.details).toMatchObject({ tokenId: expect.any(String) })
  })

  test.each<[string, unknown, string[]]>([
    ['a bad regex', body({ matchers: [{ name: 'service', value: '(', isRegex: true }] }), ['matchers.0']],
    ['no matchers', body({ matchers: [] }), ['matchers']],
    ['an end before the start', body({ endsAt: new Date(Date.now() - 2 * HOUR).toISOString() }), ['endsAt']],
    [
      'an end already past',
      body({ startsAt: new Date(Date.now() - 2 * HOUR).toISOString(), endsAt: new Date(Date.now() - HOUR).toISOString() }),
      ['endsAt'],
    ],
    ['an id (an Alertmanager update)', body({ id: UNKNOWN_ID }), ['id']],
    ['not an object', ['service="x"'], ['(root)']],
  ])('400 for %s, naming the field; nothing stored', async (_label, sent, paths) => {
    const refused = await call('POST', null, { body: sent })
    expect(refused.status).toBe(400)
    expect(pathsOf(refused.json)).toEqual(expect.arrayContaining(paths))
    expect(await db.silence.count()).toBe(0)
  })

  test('engineers and tokens without the scope are refused', async () => {
    expect((await call('POST', null, { body: body(), as: engineer })).status).toBe(403)
    expect((await call('POST', null, { body: body(), token: 'overhead' })).status).toBe(403)
    expect((await call('POST', null, { body: body(), as: null })).status).toBe(401)
    expect(await db.silence.count()).toBe(0)
  })
})

describe('GET /api/v1/silences', () => {
  test("Alertmanager's gettableSilence, for any signed-in role; filtered by state", async () => {
    const { json } = await call('POST', null, { body: body() })
    await call('POST', null, {
      body: body({ startsAt: new Date(Date.now() + HOUR).toISOString(), endsAt: new Date(Date.now() + 2 * HOUR).toISOString() }),
    })
    const listed = await call('GET', null, { as: engineer })
    expect(listed.status).toBe(200)
    expect(listed.json.map((silence: { status: { state: string } }) => silence.status.state)).toEqual(['active', 'pending'])
    expect(listed.json[0]).toEqual({
      id: json.silenceID,
      status: { state: 'active' },
      updatedAt: expect.any(String),
      matchers: body().matchers,
      startsAt: expect.any(String),
      endsAt: expect.any(String),
      createdBy: 'admin@example.com',
      comment: 'Rolling out transactions-service 2.4',
    })
    expect((await call('GET', null, { query: '?state=pending' })).json).toHaveLength(1)
    const bad = await call('GET', null, { query: '?state=muted' })
    expect([bad.status, pathsOf(bad.json)]).toEqual([400, ['state']])
    expect((await call('GET', null, { as: null })).status).toBe(401)
  })
})

describe('DELETE /api/v1/silences/{id}', () => {
  test('expires it now: 200 with it expired; again, 200 and nothing changes', async () => {
    const { json } = await call('POST', null, { body: body() })
    expect((await call('DELETE', json.silenceID, { as: engineer })).status).toBe(403)
    const expired = await call('DELETE', json.silenceID)
    expect([expired.status, expired.json.status]).toEqual([200, { state: 'expired' }])
    expect((await call('DELETE', json.silenceID, { token: 'alerts' })).status).toBe(200)
    expect(await db.auditLog.count({ where: { action: 'silence.expire', subjectId: json.silenceID } })).toBe(1)
  })

  test('404 for an unknown silence, 400 naming id for what is not an id', async () => {
    expect((await call('DELETE', UNKNOWN_ID)).status).toBe(404)
    const bad = await call('DELETE', 'nope')
    expect([bad.status, pathsOf(bad.json)]).toEqual([400, ['id']])
  })
})

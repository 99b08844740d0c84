// The single-rule API through its real handlers (defineRoute, the repository, Postgres), signed in as an
// admin or an engineer, or called with an API token: status codes, headers, and the field each refusal names.
import { NextRequest } from 'next/server'
import { beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import type { ActiveUser } from '@/lib/auth/schemas'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'

let signedIn: ActiveUser | null = null
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: vi.fn(async () => signedIn) }))

await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { createTestActors } = await import('@/lib/users/testing/test-actors')
const rules = await import('./route')
const oneRule = await import('./[id]/route')

const RULE = { name: 'CheckoutErrors', condition: { kind: 'error_rate', above: 0.05 }, selector: { service: 'checkout' }, for: '2m' }
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000'

let admin: ActiveUser
let engineer: ActiveUser
let tokens: Record<'rules' | 'overhead', string>

beforeAll(async () => {
  ;({ admin, engineer, tokens } = await createTestActors({
    rules: { name: 'rules-ci', scopes: ['alerts.write'] },
    overhead: { name: 'k6', scopes: ['overhead.write'] },
  }))
})

beforeEach(async () => {
  signedIn = null
  await db.$executeRawUnsafe('TRUNCATE alert_rules, alerts, alert_events CASCADE')
})

type Call = { body?: unknown; headers?: Record<string, string>; as?: ActiveUser | null; token?: keyof typeof tokens }
async function call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', id: string | null, { body, headers = {}, as = admin, token }: Call = {}) {
  signedIn = token ? null : as
  const request = new NextRequest(`http://localhost/api/v1/rules${id === null ? '' : `/${id}`}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${tokens[token]}` } : {}),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const handler = id === null ? rules[method as 'GET' | 'POST'] : oneRule[method as 'GET' | 'PUT' | 'DELETE']
  const params: Record<string, string> = id === null ? {} : { id }
  const response = await handler(request, { params: Promise.resolve(params) })
  const text = await response.text()
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null }
}

const pathsOf = (json: { issues?: { path: string }[] }) => (json.issues ?? []).map((issue) => issue.path)

describe('POST /api/v1/rules', () => {
  test('201 with the stored rule (defaults filled in), its Location and ETag; audited', async () => {
    const created = await call('POST', null, { body: RULE })
    expect(created.status).toBe(201)
    expect(created.json).toMatchObject({ name: 'CheckoutErrors', for: 120, window: 300, severity: 'warning', enabled: true, version: 1 })
    expect(created.headers.get('location')).toBe(`/api/v1/rules/${created.json.id}`)
    expect(created.headers.get('etag')).toBe('"1"')
    expect(await db.auditLog.findFirst({ where: { action: 'alerts.rule.create' }, orderBy: { id: 'desc' } })).toMatchObject({
      actorId: admin.id,
    })
  })

  test('409 naming name when a rule has that name (any case), selector when one watches the same signal', async () => {
    await call('POST', null, { body: RULE })
    const sameName = await call('POST', null, { body: { ...RULE, name: 'checkouterrors', severity: 'critical' } })
    expect([sameName.status, sameName.json.error, pathsOf(sameName.json)]).toEqual([409, 'conflict', ['name']])
    const sameSignal = await call('POST', null, { body: { ...RULE, name: 'CheckoutErrorsAgain' } })
    expect([sameSignal.status, pathsOf(sameSignal.json)]).toEqual([409, ['selector']])
    expect(await db.alertRule.count()).toBe(1)
  })

  test.each<[string, unknown, string[]]>([
    ['no condition', { name: 'X', selector: { service: 'checkout' } }, ['condition']],
    ['a negative threshold', { ...RULE, condition: { kind: 'latency_threshold', percentile: 'p95', aboveMs: -1 } }, ['condition.aboveMs']],
    ['a duration that is not one', { ...RULE, for: 'soon' }, ['for']],
    ['a template that would not render', { ...RULE, annotations: { summary: '{{labels.service' } }, ['annotations.summary']],
    ['a reserved label', { ...RULE, labels: { severity: 'high' } }, ['labels.severity']],
    ['not an object', ['a', 'list'], ['(root)']],
  ])('400 naming the field: %s', async (_label, body, paths) => {
    const refused = await call('POST', null, { body })
    expect([refused.status, refused.json.error, pathsOf(refused.json)]).toEqual([400, 'invalid_input', paths])
  })

  test('a token with alerts.write creates (audited with the token); one without it is 403; nobody is 401; an engineer 403', async () => {
    expect((await call('POST', null, { body: RULE, token: 'overhead' })).status).toBe(403)
    expect((await call('POST', null, { body: RULE, as: null })).status).toBe(401)
    expect((await call('POST', null, { body: RULE, as: engineer })).status).toBe(403)
    expect((await call('POST', null, { body: RULE, token: 'rules' })).status).toBe(201)
    expect(await db.auditLog.findFirst({ where: { action: 'alerts.rule.create' }, orderBy: { id: 'desc' } })).toMatchObject({
      actorId: null,
      details: { token: expect.stringMatching(/^rules-ci \(spl_/) },
    })
  })
})

describe('/api/v1/rules/{id}', () => {
  test('GET: the rule as stored, for any role; 404 when unknown; 400 naming id when not a uuid', async () => {
    const { json: created } = await call('POST', null, { body: RULE })
    const read = await call('GET', created.id, { as: engineer })
    expect([read.status, read.json, read.headers.get('etag')]).toEqual([200, created, '"1"'])
    expect((await call('GET', UNKNOWN_ID)).status).toBe(404)
    const malformed = await call('GET', 'CheckoutErrors')
    expect([malformed.status, pathsOf(malformed.json)]).toEqual([400, ['id']])
  })

  test('PUT: replaces and bumps the version; what GET answered can be sent back; a stale version (body or If-Match) is 409', async () => {
    const { json: created } = await call('POST', null, { body: RULE })
    const replaced = await call('PUT', created.id, { body: { ...created, severity: 'critical' } })
    expect([replaced.status, replaced.json.version, replaced.json.severity, replaced.headers.get('etag')]).toEqual([
      200,
      2,
      'critical',
      '"2"',
    ])
    const staleBody = await call('PUT', created.id, { body: { ...created, for: '5m' } })
    expect([staleBody.status, pathsOf(staleBody.json)]).toEqual([409, ['version']])
    const staleHeader = await call('PUT', created.id, { body: RULE, headers: { 'if-match': '"1"' }, token: 'rules' })
    expect([staleHeader.status, pathsOf(staleHeader.json)]).toEqual([409, ['version']])
    expect((await call('PUT', created.id, { body: RULE, headers: { 'if-match': '"2"' }, token: 'rules' })).json.version).toBe(3)
    expect((await call('PUT', created.id, { body: RULE })).json.version).toBe(4) // no version given: last save wins
    const badHeader = await call('PUT', created.id, { body: RULE, headers: { 'if-match': 'W/"4"' } })
    expect([badHeader.status, pathsOf(badHeader.json)]).toEqual([400, ['if-match']])
  })

  test('PUT: 404 when unknown, 409 naming name when another rule has it, 400 naming the field, 403 for an engineer', async () => {
    const { json: created } = await call('POST', null, { body: RULE })
    await call('POST', null, { body: { ...RULE, name: 'LedgerErrors', selector: { service: 'ledger' } } })
    expect((await call('PUT', UNKNOWN_ID, { body: RULE })).status).toBe(404)
    const taken = await call('PUT', created.id, { body: { ...RULE, name: 'LEDGERERRORS' } })
    expect([taken.status, pathsOf(taken.json)]).toEqual([409, ['name']])
    const invalid = await call('PUT', created.id, { body: { ...RULE, window: '10s' } })
    expect([invalid.status, pathsOf(invalid.json)]).toEqual([400, ['window']])
    expect((await call('PUT', created.id, { body: RULE, as: engineer })).status).toBe(403)
    expect((await call('GET', created.id)).json.version).toBe(1)
  })

  test('DELETE: 204, then 404 for GET and DELETE; 403 for an engineer or a token without alerts.write', async () => {
    const { json: created } = await call('POST', null, { body: RULE })
    expect((await call('DELETE', created.id, { as: engineer })).status).toBe(403)
    expect((await call('DELETE', created.id, { token: 'overhead' })).status).toBe(403)
    const deleted = await call('DELETE', created.id, { token: 'rules' })
    expect([deleted.status, deleted.json]).toEqual([204, null])
    expect((await call('GET', created.id)).status).toBe(404)
    expect((await call('DELETE', created.id)).status).toBe(404)
    expect(await db.auditLog.count({ where: { action: 'alerts.rule.delete', subjectId: created.id } })).toBe(1)
  })
})

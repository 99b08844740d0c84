// The SLO API through its real handlers (defineRoute, the repositories, Postgres), signed in as an admin or
// an engineer, or called with an API token: status codes, the field each refusal names, the line each
// import problem names, and OpenSLO out and back in changing nothing.
import fs from 'node:fs'
import { NextRequest } from 'next/server'
import { beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import type { ActiveUser } from '@/lib/auth/schemas'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'

let signedIn: ActiveUser | null = null
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: vi.fn(async () => signedIn) }))

await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { createTestActors } = await import('@/lib/users/testing/test-actors')
const list = await import('./route')
const one = await import('./[id]/route')
const corrections = await import('./[id]/corrections/route')
const importRoute = await import('./import/route')
const exportRoute = await import('./export/route')

const SLO = {
  name: 'payments-latency',
  service: 'transactions-service',
  operation: 'POST /v1/payments',
  sli: { kind: 'latency', thresholdMs: 300 },
  objective: 0.99,
  window: { kind: 'calendar', unit: 'month', timeZone: 'Europe/Berlin' },
  alerting: { tiers: ['page_fast', 'ticket_slow'], channels: ['oncall'] },
}

let admin: ActiveUser
let engineer: ActiveUser
let tokens: Record<'slos' | 'rules', string>

beforeAll(async () => {
  ;({ admin, engineer, tokens } = await createTestActors({
    slos: { name: 'slos-ci', scopes: ['slos.write'] },
    rules: { name: 'rules-ci', scopes: ['alerts.write'] },
  }))
})

beforeEach(async () => {
  signedIn = null
  await db.$executeRawUnsafe('TRUNCATE slos, alert_rules, alerts, alert_events CASCADE')
})

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>
type Call = {
  body?: unknown
  headers?: Record<string, string>
  as?: ActiveUser | null
  token?: keyof typeof tokens
  params?: Record<string, string>
}
async function call(handler: Handler, path: string, method: string, { body, headers = {}, as = admin, token, params = {} }: Call = {}) {
  signedIn = token ? null : as
  const request = new NextRequest(`http://localhost${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${tokens[token]}` } : {}),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const response = await handler(request, { params: Promise.resolve(params) })
  const text = await response.text()
  const json = response.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : text
  return { status: response.status, headers: response.headers, json }
}

describe('/api/v1/slos', () => {
  test('an admin creates an SLO: 201, its burn-rate rules with it, audited; the list shows it', async () => {
    const created = await call(list.POST, '/api/v1/slos', 'POST', { body: SLO })
    expect(created.status).toBe(201)
    expect(created.headers.get('location')).toBe(`/api/v1/slos/${created.json.id}`)
    expect(created.headers.get('etag')).toBe('"1"')
    const rules = await db.alertRule.findMany({ where: { sloId: created.json.id }, orderBy: { name: 'asc' } })
    expect(rules.map((rule) => rule.name)).toEqual(['payments-latency-page-fast', 'payments-latency-ticket-slow'])
    expect(await db.auditLog.count({ where: { action: 'slos.create', subjectId: created.json.id } })).toBe(1)

    const listed = await call(list.GET, '/api/v1/slos', 'GET', { as: engineer })
    expect(listed.status).toBe(200)
    expect(listed.json.slos).toEqual([expect.objectContaining({ name: 'payments-latency', health: 'no_data', status: null, alerts: [] })])
  })

  test('400 names the field; 409 names the name; an engineer and a token without the scope are refused', async () => {
    const bad = await call(list.POST, '/api/v1/slos', 'POST', {
      body: { ...SLO, objective: 1.5, sli: { kind: 'latency', thresholdMs: -1 } },
    })
    expect(bad.status).toBe(400)
    expect(bad.json.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(['objective', 'sli.thresholdMs'])
    expect((await call(list.POST, '/api/v1/slos', 'POST', { body: SLO })).status).toBe(201)
    const clash = await call(list.POST, '/api/v1/slos', 'POST', { body: SLO, token: 'slos' })
    expect(clash.status).toBe(409)
    expect(clash.json.issues).toEqual([expect.objectContaining({ path: 'name' })])
    expect((await call(list.POST, '/api/v1/slos', 'POST', { body: { ...SLO, name: 'other' }, as: engineer })).status).toBe(403)
    expect((await call(list.POST, '/api/v1/slos', 'POST', { body: { ...SLO, name: 'other' }, token: 'rules' })).status).toBe(403)
  })

  test('PUT with a stale version is a 409 on version; a generated rule cannot be changed on its own', async () => {
    const { json: created } = await call(list.POST, '/api/v1/slos', 'POST', { body: SLO })
    const params = { id: created.id }
    const replaced = await call(one.PUT, `/api/v1/slos/${created.id}`, 'PUT', { body: { ...SLO, objective: 0.995, version: 1 }, params })
    expect(replaced.status).toBe(200)
    expect(replaced.json.version).toBe(2)
    const stale = await call(one.PUT, `/api/v1/slos/${created.id}`, 'PUT', { body: SLO, headers: { 'if-match': '"1"' }, params })
    expect(stale.status).toBe(409)
    expect(stale.json.issues).toEqual([expect.objectContaining({ path: 'version' })])

    const rule = await db.alertRule.findFirstOrThrow({ where: { sloId: created.id } })
    const rulesRoute = await import('../rules/[id]/route')
    const refused = await call(rulesRoute.DELETE as Handler, `/api/v1/rules/${rule.id}`, 'DELETE', { params: { id: rule.id } })
    expect(refused.status).toBe(409)
    expect(refused.json.message).toContain('generated from an SLO')
  })

  test('corrections: added with a token, listed, refused when backwards, deleted with the SLO', async () => {
    const { json: created } = await call(list.POST, '/api/v1/slos', 'POST', { body: SLO })
    const params = { id: created.id }
    const path = `/api/v1/slos/${created.id}/corrections`
    const added = await call(corrections.POST, path, 'POST', {
      body: { startsAt: '2026-12-01T02:00:00Z', endsAt: '2026-12-01T04:00:00Z', reason: 'database failover' },
      token: 'slos',
      params,
    })
    expect(added.status).toBe(201)
    const backwards = await call(corrections.POST, path, 'POST', {
      body: { startsAt: '2026-12-01T04:00:00Z', endsAt: '2026-12-01T02:00:00Z', reason: 'oops' },
      params,
    })
    expect(backwards.status).toBe(400)
    expect(backwards.json.issues).toEqual([expect.objectContaining({ path: 'endsAt' })])
    expect((await call(corrections.GET, path, 'GET', { as: engineer, params })).json.corrections).toEqual([
      expect.objectContaining({ reason: 'database failover', startsAt: '2026-12-01T02:00:00.000Z' }),
    ])
    expect((await call(one.DELETE, `/api/v1/slos/${created.id}`, 'DELETE', { params })).status).toBe(204)
    expect(await db.sloCorrection.count()).toBe(0)
    expect(await db.alertRule.count()).toBe(0)
  })
})

describe('OpenSLO and Sloth through the API', () => {
  const demo = fs.readFileSync('fixtures/slos/demo-slos.yaml', 'utf8')

  test('the demo file imports all or nothing; exporting and importing again changes nothing', async () => {
    const dry = await call(importRoute.POST, '/api/v1/slos/import', 'POST', { body: { content: demo, dryRun: true }, token: 'slos' })
    expect(dry.status).toBe(200)
    expect(dry.json.created).toHaveLength(4)
    expect(await db.slo.count()).toBe(0)
    const applied = await call(importRoute.POST, '/api/v1/slos/import', 'POST', { body: { content: demo }, token: 'slos' })
    expect(applied.json).toMatchObject({
      format: 'openslo',
      created: expect.arrayContaining(['checkout-journey', 'transactions-lookup-latency']),
    })

    const exported = await call(exportRoute.GET, '/api/v1/slos/export', 'GET', { as: engineer })
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-type')).toContain('application/yaml')
    const back = await call(importRoute.POST, '/api/v1/slos/import', 'POST', { body: { content: exported.json } })
    expect(back.json).toMatchObject({ created: [], updated: [], unchanged: expect.arrayContaining(['checkout-journey']) })
    expect(back.json.unchanged).toHaveLength(4)
  })

  test('a broken file is refused whole with the line of each problem (422), and a Sloth spec imports with its tiers', async () => {
    const broken = demo.replace('target: 0.999', 'target: 1.7')
    const refused = await call(importRoute.POST, '/api/v1/slos/import', 'POST', { body: { content: broken } })
    expect(refused.status).toBe(422)
    const line = broken.split('\n').findIndex((text) => text.includes('target: 1.7')) + 1
    expect(refused.json.issues).toEqual([expect.objectContaining({ line })])
    expect(await db.slo.count()).toBe(0)

    const sloth = fs.readFileSync('fixtures/formats/sloth/getting-started.yml', 'utf8')
    const imported = await call(importRoute.POST, '/api/v1/slos/import', 'POST', { body: { content: sloth } })
    expect(imported.json).toMatchObject({ format: 'sloth', created: ['requests-availability'] })
    const rules = await db.alertRule.count({ where: { slo: { name: 'requests-availability' } } })
    expect(rules).toBe(4)
  })
})

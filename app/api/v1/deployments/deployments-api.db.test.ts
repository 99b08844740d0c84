// The deployment and verdict APIs through their real handlers and Postgres: CI posts a deployment with a
// token, a broken post names its field, the verdict answers for versions seen and unseen, and `gate`
// turns it into a status code.
import { beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import type { ActiveUser } from '@/lib/auth/schemas'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'
import { callRoute } from '@/lib/http/testing/call-route'

let signedIn: ActiveUser | null = null
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: vi.fn(async () => signedIn) }))

await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { createTestActors } = await import('@/lib/users/testing/test-actors')
const deployments = await import('./route')
const verdict = await import('../services/[service]/versions/[version]/verdict/route')

let tokens: Record<'ci' | 'argo' | 'other', string>
let engineer: ActiveUser

beforeAll(async () => {
  ;({ engineer, tokens } = await createTestActors({
    ci: { name: 'ci', scopes: ['deployments.write'] },
    argo: { name: 'argo', scopes: ['verdicts.read'] },
    other: { name: 'other', scopes: ['slos.write'] },
  }))
})

beforeEach(async () => {
  signedIn = null
  await db.$executeRawUnsafe('TRUNCATE deployments, service_versions, version_rollups')
})

const verdictOf = (service: string, version: string, { bearer = tokens.argo, query = '' } = {}) =>
  callRoute(verdict.GET, `/api/v1/services/${service}/versions/${version}/verdict${query}`, { bearer, params: { service, version } })

describe('POST /api/v1/deployments', () => {
  test('CI posts with a token: 201, the deployment waits for its spans; a repeat updates it', async () => {
    const body = { service: 'account-service', version: '2.32.0', time: '2026-12-06T14:00:00Z', link: 'https://ci.example/runs/1' }
    const created = await callRoute(deployments.POST, '/api/v1/deployments', { method: 'POST', body, bearer: tokens.ci })
    expect(created.status).toBe(201)
    expect(created.headers.get('location')).toBe(`/deployments/${created.json.id}`)
    const again = await callRoute(deployments.POST, '/api/v1/deployments', {
      method: 'POST',
      body: { ...body, link: 'https://ci.example/runs/2' },
      bearer: tokens.ci,
    })
    expect(again.json.id).toBe(created.json.id)
    expect(await db.deployment.findMany()).toEqual([
      expect.objectContaining({ status: 'announced', link: 'https://ci.example/runs/2', announcedBy: 'token:ci', firstSeenAt: null }),
    ])
  })

  test.each([
    { name: 'no version', body: { service: 'a' }, field: 'version' },
    { name: 'a version with a space', body: { service: 'a', version: '1 2' }, field: 'version' },
    { name: 'a version with a lone surrogate', body: { service: 'a', version: '1\uD800' }, field: 'version' },
    { name: 'a time that is not ISO 8601', body: { service: 'a', version: '1', time: 'yesterday' }, field: 'time' },
    { name: 'a javascript: link', body: { service: 'a', version: '1', link: 'javascript:alert(1)' }, field: 'link' },
    { name: 'an unknown field', body: { service: 'a', version: '1', env: 'prod' }, field: '(root)' },
  ])('a post with $name: 400 naming $field', async ({ body, field }) => {
    const answer = await callRoute(deployments.POST, '/api/v1/deployments', { method: 'POST', body, bearer: tokens.ci })
    expect(answer.status).toBe(400)
    expect(answer.json.issues.map((issue: { path: string }) => issue.path)).toContain(field)
  })

  test('a token without deployments.write is refused; an engineer signed in may post', async () => {
    const body = { service: 'a', version: '1' }
    expect((await callRoute(deployments.POST, '/api/v1/deployments', { method: 'POST', body, bearer: tokens.other })).status).toBe(403)
    signedIn = engineer
    const byEngineer = await callRoute(deployments.POST, '/api/v1/deployments', { method: 'POST', body: { ...body, version: '2' } })
    expect(byEngineer.status).toBe(201)
    expect(await db.deployment.findFirst({ where: { version: '2' } })).toMatchObject({ announcedBy: engineer.email })
  })
})

describe('GET /api/v1/services/{service}/versions/{version}/verdict', () => {
  test('a version never seen: 200, not enough data, saying so; with gate=pass a 412', async () => {
    const answer = await verdictOf('account-service', '9.9.9')
    expect(answer.status).toBe(200)
    expect(answer.json).toMatchObject({ verdict: 'not_enough_data', reasons: ['No span of account-service 9.9.9 seen yet'] })
    expect((await verdictOf('account-service', '9.9.9', { query: '?gate=pass' })).status).toBe(412)
    expect((await verdictOf('account-service', '9.9.9', { query: '?gate=not-fail' })).status).toBe(200)
  })

  test('a bad gate names the field; a token of another scope is refused', async () => {
    const bad = await verdictOf('account-service', '1', { query: '?gate=maybe' })
    expect(bad.status).toBe(400)
    expect(bad.json.issues[0].path).toBe('gate')
    expect((await verdictOf('account-service', '1', { bearer: tokens.ci })).status).toBe(403)
  })
})

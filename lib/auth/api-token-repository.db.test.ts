// Tokens against a real Postgres: the secret is returned once and only its hash is stored; a revoked or
// unknown token authenticates as nobody; each create, revoke and use leaves an audit row.
import { describe, expect, test } from 'vitest'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'

await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { createUser } = await import('@/lib/users/repository')
const { createApiToken, listApiTokens, revokeApiToken, authenticateApiToken } = await import('./api-token-repository')
const { hashApiToken, generateApiToken } = await import('./api-tokens')
const { NotFoundError } = await import('@/lib/errors')

const admin = await createUser({ email: 'root@example.com', name: 'Root', role: 'admin', password: 'a long enough secret' }, { by: null })
const ROUTE = 'POST /api/v1/overhead-measurements'
const auditOf = (subjectId: string) =>
  db.auditLog.findMany({
    where: { subjectType: 'api_token', subjectId },
    orderBy: { id: 'asc' },
    select: { action: true, actorId: true, details: true },
  })

describe('createApiToken', () => {
  test('returns the token once; the database keeps its hash and prefix only', async () => {
    const { token, apiToken } = await createApiToken({ name: 'k6 job', scopes: ['overhead.write'] }, { by: admin.id })
    expect(apiToken).toMatchObject({
      name: 'k6 job',
      scopes: ['overhead.write'],
      prefix: token.slice(0, 12),
      createdByEmail: 'root@example.com',
      lastUsedAt: null,
      revokedAt: null,
    })
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })
    expect(stored.tokenHash).toBe(hashApiToken(token))
    expect(JSON.stringify(stored)).not.toContain(token)
    expect(await auditOf(apiToken.id)).toEqual([
      { action: 'token.create', actorId: admin.id, details: { name: 'k6 job', prefix: apiToken.prefix, scopes: ['overhead.write'] } },
    ])
    expect(JSON.stringify(await auditOf(apiToken.id))).not.toContain(token)
  })
})

describe('authenticateApiToken', () => {
  test('an active token is who it says, stamps last used and audits the route of each use', async () => {
    const { token, apiToken } = await createApiToken({ name: 'pager', scopes: ['incidents.write', 'overhead.write'] }, { by: admin.id })
    const before = Date.now()
    expect(await authenticateApiToken(token, { route: ROUTE })).toEqual({
      id: apiToken.id,
      name: 'pager',
      prefix: apiToken.prefix,
      scopes: ['overhead.write', 'incidents.write'],
    })
    await authenticateApiToken(token, { route: 'GET /api/v1/overhead-measurements' })
    const [listed] = (await listApiTokens()).filter((row) => row.id === apiToken.id)
    expect(listed!.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(before - 5)
    const uses = (await auditOf(apiToken.id)).filter((entry) => entry.action === 'token.use')
    expect(uses.map((entry) => (entry.details as { route: string }).route)).toEqual([ROUTE, 'GET /api/v1/overhead-measurements'])
    expect(uses.every((entry) => entry.actorId === null)).toBe(true)
  })

  test('unknown, malformed and revoked tokens are nobody, and leave no trace', async () => {
    const { token, apiToken } = await createApiToken({ name: 'old', scopes: ['overhead.write'] }, { by: admin.id })
    await revokeApiToken(apiToken.id, { by: admin.id })
    const auditRows = await db.auditLog.count()
    for (const presented of [token, generateApiToken(), '', 'spl_short', token.toUpperCase()])
      expect(await authenticateApiToken(presented, { route: ROUTE })).toBeNull()
    expect(await db.auditLog.count()).toBe(auditRows)
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt).toBeNull()
  })
})

describe('revokeApiToken', () => {
  test('revokes once (audited once); an unknown id is not found', async () => {
    const { apiToken } = await createApiToken({ name: 'ci', scopes: ['inventory.write'] }, { by: admin.id })
    const first = await revokeApiToken(apiToken.id, { by: admin.id })
    const again = await revokeApiToken(apiToken.id, { by: admin.id })
    expect(first.revokedAt).toBeInstanceOf(Date)
    expect(again.revokedAt).toEqual(first.revokedAt)
    expect((await auditOf(apiToken.id)).map((entry) => entry.action)).toEqual(['token.create', 'token.revoke'])
    await expect(revokeApiToken('00000000-0000-4000-8000-000000000000', { by: admin.id })).rejects.toBeInstanceOf(NotFoundError)
  })

  test('the list shows active tokens first, then revoked ones, newest first', async () => {
    const names = (await listApiTokens()).map((row) => `${row.name}${row.revokedAt ? ' (revoked)' : ''}`)
    expect(names).toEqual(['pager', 'k6 job', 'ci (revoked)', 'old (revoked)'])
  })

  test('a scope stored by a newer version grants nothing here', async () => {
    const { token, apiToken } = await createApiToken({ name: 'future', scopes: ['overhead.write'] }, { by: admin.id })
    await db.apiToken.update({ where: { id: apiToken.id }, data: { scopes: ['overhead.write', 'traces.delete'] } })
    expect((await authenticateApiToken(token, { route: ROUTE }))!.scopes).toEqual(['overhead.write'])
  })
})

import { beforeAll, describe, expect, test } from 'vitest'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'

await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { changeOwnPassword, changeUserRole, createUser, listUsers, setUserDisabled } = await import('./repository')
const { ConflictError, InvalidInputError } = await import('@/lib/errors')

let adminId = ''
beforeAll(async () => {
  adminId = (await createUser({ email: 'root@example.com', name: 'Root', role: 'admin', password: 'correct horse battery' }, { by: null }))
    .id
})

describe('createUser', () => {
  test('stores an argon2id hash, never the password, and audits the creation in the same transaction', async () => {
    const user = await createUser(
      { email: 'eve@example.com', name: 'Eve', role: 'engineer', password: 'a long enough secret' },
      { by: adminId },
    )
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } })
    expect(row.passwordHash).toMatch(/^\$argon2id\$/)
    expect(row.passwordHash).not.toContain('a long enough secret')
    const audit = await db.auditLog.findFirstOrThrow({ where: { subjectId: user.id } })
    expect(audit).toMatchObject({ action: 'user.create', actorId: adminId, details: { email: 'eve@example.com', role: 'engineer' } })
  })

  test('a taken e-mail is an input error on the email field, and nothing is written', async () => {
    const before = await db.auditLog.count()
    await expect(
      createUser({ email: 'eve@example.com', name: 'Eve 2', role: 'admin', password: 'another long secret' }, { by: adminId }),
    ).rejects.toEqual(new InvalidInputError([{ path: 'email', message: 'a user with this e-mail already exists' }]))
    expect(await db.auditLog.count()).toBe(before)
  })
})

describe('changeUserRole', () => {
  test('changes the role and records from → to', async () => {
    const user = await createUser(
      { email: 'max@example.com', name: 'Max', role: 'engineer', password: 'a long enough secret' },
      { by: adminId },
    )
    await changeUserRole(user.id, 'manager', { by: adminId })
    expect((await listUsers()).find((u) => u.id === user.id)?.role).toBe('manager')
    const audit = await db.auditLog.findFirstOrThrow({ where: { subjectId: user.id, action: 'user.role.change' } })
    expect(audit.details).toMatchObject({ from: 'engineer', to: 'manager' })
  })

  test('refuses to demote the last admin', async () => {
    await expect(changeUserRole(adminId, 'engineer', { by: adminId })).rejects.toBeInstanceOf(ConflictError)
    expect((await db.user.findUniqueOrThrow({ where: { id: adminId } })).role).toBe('admin')
  })
})

describe('setUserDisabled', () => {
  test('disables and enables again, audited both ways; an admin cannot disable themselves or the last active admin', async () => {
    const user = await createUser(
      { email: 'dan@example.com', name: 'Dan', role: 'engineer', password: 'a long enough secret' },
      { by: adminId },
    )
    expect((await setUserDisabled(user.id, true, { by: adminId })).disabledAt).not.toBeNull()
    expect((await setUserDisabled(user.id, false, { by: adminId })).disabledAt).toBeNull()
    const actions = (await db.auditLog.findMany({ where: { subjectId: user.id }, orderBy: { id: 'asc' } })).map((entry) => entry.action)
    expect(actions).toEqual(['user.create', 'user.disable', 'user.enable'])
    await expect(setUserDisabled(adminId, true, { by: adminId })).rejects.toBeInstanceOf(ConflictError)
    await expect(setUserDisabled(adminId, true, { by: user.id })).rejects.toBeInstanceOf(ConflictError)
  })
})

describe('changeOwnPassword', () => {
  test('needs the current password, and a new one that differs', async () => {
    const user = await createUser(
      { email: 'pat@example.com', name: 'Pat', role: 'engineer', password: 'a long enough secret' },
      { by: adminId },
    )
    const ids = { userId: user.id, sessionId: 'none' }
    await expect(changeOwnPassword(ids, { currentPassword: 'wrong', newPassword: 'another long secret' })).rejects.toMatchObject({
      issues: [{ path: 'currentPassword' }],
    })
    await expect(
      changeOwnPassword(ids, { currentPassword: 'a long enough secret', newPassword: 'a long enough secret' }),
    ).rejects.toMatchObject({ issues: [{ path: 'newPassword' }] })
    await changeOwnPassword(ids, { currentPassword: 'a long enough secret', newPassword: 'another long secret' })
    expect(await db.auditLog.count({ where: { subjectId: user.id, action: 'user.password.change' } })).toBe(1)
  })
})

describe('serializable changes', () => {
  test('two admins changing the same user at once both end in a consistent state (retried, never a 500)', async () => {
    const user = await createUser(
      { email: 'race@example.com', name: 'Race', role: 'engineer', password: 'a long enough secret' },
      { by: adminId },
    )
    const results = await Promise.allSettled([
      changeUserRole(user.id, 'manager', { by: adminId }),
      setUserDisabled(user.id, true, { by: adminId }),
      changeUserRole(user.id, 'admin', { by: adminId }),
    ])
    for (const result of results) if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(ConflictError)
    const audits = await db.auditLog.count({ where: { subjectId: user.id, action: { in: ['user.role.change', 'user.disable'] } } })
    expect(audits).toBe(results.filter((r) => r.status === 'fulfilled').length)
  })
})

import { beforeAll, describe, expect, test } from 'vitest'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'

await createScratchDatabase()
const { db } = await import('@/lib/db/client')
const { changeUserRole, createUser, listUsers } = await import('./repository')
const { ConflictError, InvalidInputError } = await import('@/lib/errors')

let adminId = ''
beforeAll(async () => {
  adminId = (await createUser({ email: 'root@example.com', name: 'Root', role: 'admin', password: 'correct horse battery' }, { by: null })).id
})

describe('createUser', () => {
  test('stores an argon2id hash, never the password, and audits the creation in the same transaction', async () => {
    const user = await createUser({ email: 'eve@example.com', name: 'Eve', role: 'engineer', password: 'a long enough secret' }, { by: adminId })
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } })
    expect(row.passwordHash).toMatch(/^\$argon2id\$/)
    expect(row.passwordHash).not.toContain('a long enough secret')
    const audit = await db.auditLog.findFirstOrThrow({ where: { subjectId: user.id } })
    expect(audit).toMatchObject({ action: 'user.create', actorId: adminId, details: { email: 'eve@example.com', role: 'engineer' } })
  })

  test('a taken e-mail is an input error on the email field, and nothing is written', async () => {
    const before = await db.auditLog.count()
    await expect(createUser({ email: 'eve@example.com', name: 'Eve 2', role: 'admin', password: 'another long secret' }, { by: adminId })).rejects.toEqual(
      new InvalidInputError([{ path: 'email', message: 'a user with this e-mail already exists' }]),
    )
    expect(await db.auditLog.count()).toBe(before)
  })
})

describe('changeUserRole', () => {
  test('changes the role and records from → to', async () => {
    const user = await createUser({ email: 'max@example.com', name: 'Max', role: 'engineer', password: 'a long enough secret' }, { by: adminId })
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

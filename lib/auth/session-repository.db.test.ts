// A session counts only while its row does: revoked, expired, disabled or outdated sessions are refused
// on their next request, whatever the JWT says.
import { describe, expect, test } from 'vitest'
import { createScratchDatabase } from '@/scripts/stack/scratch-database'

await createScratchDatabase()
const {
  createUser,
  changeUserRole,
  setUserDisabled,
  changeOwnPassword,
  signOutEverywhere,
  listActiveSessions,
  revokeOwnSession,
  resetUserPassword,
} = await import('@/lib/users/repository')
const { createSession, findActiveUser, revokeSession } = await import('./session-repository')
const { signInWithPassword } = await import('./sign-in')

const PASSWORD = 'a long enough secret'
const admin = await createUser({ email: 'root@example.com', name: 'Root', role: 'admin', password: PASSWORD }, { by: null })
let users = 0
async function signedIn(role: 'engineer' | 'admin' = 'engineer') {
  const user = await createUser({ email: `user${++users}@example.com`, name: `User ${users}`, role, password: PASSWORD }, { by: admin.id })
  const open = async () => ({
    userId: user.id,
    sessionId: await createSession({
      userId: user.id,
      sessionVersion: (await currentVersion(user.id)) ?? 0,
      expiresAt: new Date(Date.now() + 3_600_000),
      address: '192.0.2.1',
      userAgent: 'test',
    }),
  })
  return { user, open }
}
async function currentVersion(userId: string) {
  const { db } = await import('@/lib/db/client')
  return (await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } }))?.sessionVersion
}

describe('findActiveUser', () => {
  test('a fresh session counts, and says which user and session it is', async () => {
    const { user, open } = await signedIn()
    const session = await open()
    expect(await findActiveUser(session)).toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
      role: 'engineer',
      passwordResetRequired: false,
      sessionId: session.sessionId,
    })
  })

  test("signing out revokes that session only; another user's id with it does not work", async () => {
    const { open } = await signedIn()
    const [here, there] = [await open(), await open()]
    await revokeSession(here.sessionId)
    expect(await findActiveUser(here)).toBeNull()
    expect(await findActiveUser(there)).not.toBeNull()
    expect(await findActiveUser({ userId: admin.id, sessionId: there.sessionId })).toBeNull()
  })

  test('an expired session does not count', async () => {
    const { open } = await signedIn()
    const session = await open()
    expect(await findActiveUser(session, new Date(Date.now() + 2 * 3_600_000))).toBeNull()
  })

  test.each([
    ['a role change', (userId: string) => changeUserRole(userId, 'manager', { by: admin.id })],
    ['disabling', (userId: string) => setUserDisabled(userId, true, { by: admin.id })],
    ['sign-out everywhere', (userId: string) => signOutEverywhere(userId)],
    ['an admin password reset', (userId: string) => resetUserPassword(userId, { by: admin.id })],
  ])('%s ends every session of the user', async (_label, change) => {
    const { user, open } = await signedIn()
    const sessions = [await open(), await open()]
    await change(user.id)
    for (const session of sessions) expect(await findActiveUser(session)).toBeNull()
  })

  test('a password change keeps the session it was made from and ends the others', async () => {
    const { user, open } = await signedIn()
    const [here, elsewhere] = [await open(), await open()]
    await changeOwnPassword(
      { userId: user.id, sessionId: here.sessionId },
      { currentPassword: PASSWORD, newPassword: 'a brand new long secret' },
    )
    expect(await findActiveUser(here)).not.toBeNull()
    expect(await findActiveUser(elsewhere)).toBeNull()
    expect((await listActiveSessions(user.id)).map((s) => s.id)).toEqual([here.sessionId])
    expect(await signInWithPassword({ email: user.email, password: 'a brand new long secret' }, { address: '192.0.2.50' })).toMatchObject({
      ok: true,
    })
  })

  test('after an admin reset, the temporary password signs in and the user must choose a new one', async () => {
    const { user } = await signedIn()
    const { temporaryPassword } = await resetUserPassword(user.id, { by: admin.id })
    expect(temporaryPassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/)
    const signIn = await signInWithPassword({ email: user.email, password: temporaryPassword }, { address: '192.0.2.51' })
    expect(signIn).toMatchObject({ ok: true })
    const sessionId = await createSession({
      userId: user.id,
      sessionVersion: (await currentVersion(user.id))!,
      expiresAt: new Date(Date.now() + 60_000),
      address: 'x',
      userAgent: null,
    })
    expect(await findActiveUser({ userId: user.id, sessionId })).toMatchObject({ passwordResetRequired: true })
    await changeOwnPassword({ userId: user.id, sessionId }, { currentPassword: temporaryPassword, newPassword: 'my own long password' })
    expect(await findActiveUser({ userId: user.id, sessionId })).toMatchObject({ passwordResetRequired: false })
  })

  test("a user can end one of their own sessions, never someone else's", async () => {
    const a = await signedIn()
    const b = await signedIn()
    const aSession = await a.open()
    await expect(revokeOwnSession(b.user.id, aSession.sessionId)).rejects.toThrow(/no such session/)
    expect(await findActiveUser(aSession)).not.toBeNull()
    await revokeOwnSession(a.user.id, aSession.sessionId)
    expect(await findActiveUser(aSession)).toBeNull()
  })
})

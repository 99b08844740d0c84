// Users and what admins and users themselves change about them. Every change is audited in its own
// transaction; changes that must end sessions bump the user's session version in the same one.
import crypto from 'node:crypto'
import { saveAuditEntry } from '@/lib/audit/repository'
import { hashPassword, verifyPassword } from '@/lib/auth/password'
import type { Role, SessionUser, UserInput } from '@/lib/auth/schemas'
import { db, Prisma } from '@/lib/db/client'
import { inSerializableTransaction } from '@/lib/db/serializable'
import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/errors'

export type UserRow = SessionUser & { createdAt: Date; disabledAt: Date | null; passwordResetRequired: boolean }
const PUBLIC_FIELDS = {
  id: true,
  email: true,
  name: true,
  role: true,
  createdAt: true,
  disabledAt: true,
  passwordResetRequired: true,
} as const
type Tx = Prisma.TransactionClient
type Actor = { by: string | null }

export function listUsers(): Promise<UserRow[]> {
  return db.user.findMany({ select: PUBLIC_FIELDS, orderBy: [{ role: 'desc' }, { email: 'asc' }] })
}

/** Creates a user; the audit row commits with it. Throws InvalidInputError on a taken e-mail. */
export async function createUser(input: UserInput, { by }: Actor): Promise<UserRow> {
  const passwordHash = await hashPassword(input.password)
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, role: input.role, passwordHash },
        select: PUBLIC_FIELDS,
      })
      await saveAuditEntry(tx, by, {
        action: 'user.create',
        subjectType: 'user',
        subjectId: user.id,
        details: { email: user.email, role: user.role },
      })
      return user
    })
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new InvalidInputError([{ path: 'email', message: 'a user with this e-mail already exists' }])
    }
    throw error
  }
}

async function getUserForUpdate(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: PUBLIC_FIELDS })
  if (!user) throw new NotFoundError('no such user')
  return user
}

/** The instance must keep at least one admin who can sign in. */
async function assertAnotherActiveAdmin(tx: Tx, userId: string) {
  const others = await tx.user.count({ where: { role: 'admin', disabledAt: null, id: { not: userId } } })
  if (others === 0) throw new ConflictError('this is the last active admin; make someone else admin first')
}

/** Changes a role, audited; the user's sessions end (they sign in again under the new role). */
export function changeUserRole(userId: string, role: Role, { by }: Actor): Promise<UserRow> {
  return inSerializableTransaction(async (tx) => {
    const current = await getUserForUpdate(tx, userId)
    if (current.role === role) return current
    if (current.role === 'admin') await assertAnotherActiveAdmin(tx, userId)
    const user = await tx.user.update({ where: { id: userId }, data: { role, sessionVersion: { increment: 1 } }, select: PUBLIC_FIELDS })
    await saveAuditEntry(tx, by, {
      action: 'user.role.change',
      subjectType: 'user',
      subjectId: userId,
      details: { email: user.email, from: current.role, to: role },
    })
    return user
  })
}

/** Disables (every session ends at its next request, sign-in refused) or enables a user, audited. */
export function setUserDisabled(userId: string, disabled: boolean, { by }: Actor): Promise<UserRow> {
  return inSerializableTransaction(async (tx) => {
    const current = await getUserForUpdate(tx, userId)
    if ((current.disabledAt !== null) === disabled) return current
    if (disabled && userId === by) throw new ConflictError('you cannot disable yourself')
    if (disabled && current.role === 'admin') await assertAnotherActiveAdmin(tx, userId)
    const user = await tx.user.update({
      where: { id: userId },
      data: disabled ? { disabledAt: new Date(), sessionVersion: { increment: 1 } } : { disabledAt: null },
      select: PUBLIC_FIELDS,
    })
    await saveAuditEntry(tx, by, {
      action: disabled ? 'user.disable' : 'user.enable',
      subjectType: 'user',
      subjectId: userId,
      details: { email: user.email },
    })
    return user
  })
}

/** 20 characters from a 32-letter alphabet without look-alikes: 100 bits, easy to read out. */
function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
  const bytes = crypto.randomBytes(20)
  const letters = [...bytes].map((byte) => alphabet[byte % alphabet.length])
  return [0, 5, 10, 15].map((at) => letters.slice(at, at + 5).join('')).join('-')
}

/**
 * An admin's reset: a temporary password (returned once, to hand over), every session ends, and the
 * user must choose a new password right after signing in with it. Audited (without the password).
 */
export async function resetUserPassword(userId: string, { by }: Actor): Promise<{ user: UserRow; temporaryPassword: string }> {
  const password = temporaryPassword()
  const passwordHash = await hashPassword(password)
  const user = await inSerializableTransaction(async (tx) => {
    await getUserForUpdate(tx, userId)
    const updated = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, passwordResetRequired: true, sessionVersion: { increment: 1 } },
      select: PUBLIC_FIELDS,
    })
    await saveAuditEntry(tx, by, {
      action: 'user.password.reset',
      subjectType: 'user',
      subjectId: userId,
      details: { email: updated.email },
    })
    return updated
  })
  return { user, temporaryPassword: password }
}

/**
 * A user's own password change (the current one required). Every other session ends; the session it
 * was made from is carried over to the new version, so the user stays signed in here.
 */
export async function changeOwnPassword(
  { userId, sessionId }: { userId: string; sessionId: string },
  { currentPassword, newPassword }: { currentPassword: string; newPassword: string },
): Promise<void> {
  const stored = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } })
  if (!stored) throw new NotFoundError('no such user')
  if (!(await verifyPassword(stored.passwordHash, currentPassword)))
    throw new InvalidInputError([{ path: 'currentPassword', message: 'this is not your current password' }])
  if (await verifyPassword(stored.passwordHash, newPassword))
    throw new InvalidInputError([{ path: 'newPassword', message: 'choose a password different from the current one' }])
  const passwordHash = await hashPassword(newPassword)
  await inSerializableTransaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, passwordResetRequired: false, passwordChangedAt: new Date(), sessionVersion: { increment: 1 } },
      select: { email: true, sessionVersion: true },
    })
    await tx.userSession.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { sessionVersion: user.sessionVersion } })
    await saveAuditEntry(tx, userId, {
      action: 'user.password.change',
      subjectType: 'user',
      subjectId: userId,
      details: { email: user.email },
    })
  })
}

/** Ends every session of a user, this one included. Audited. */
export async function signOutEverywhere(userId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { email: true } })
    await saveAuditEntry(tx, userId, {
      action: 'user.session.revoke_all',
      subjectType: 'user',
      subjectId: userId,
      details: { email: user.email },
    })
  })
}

export type SessionRow = { id: string; createdAt: Date; expiresAt: Date; address: string | null; userAgent: string | null }

/** A user's sessions that still count, newest first. */
export async function listActiveSessions(userId: string, now = new Date()): Promise<SessionRow[]> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } })
  if (!user) return []
  return db.userSession.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now }, sessionVersion: user.sessionVersion },
    select: { id: true, createdAt: true, expiresAt: true, address: true, userAgent: true },
    orderBy: { createdAt: 'desc' },
  })
}

/** Ends one of a user's own sessions (never someone else's). Audited. */
export async function revokeOwnSession(userId: string, sessionId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.userSession.updateMany({
      where: { id: sessionId, userId, revokedAt: null },
      data: { revokedAt: new Date() },
    })
    if (count === 0) throw new NotFoundError('no such session')
    await saveAuditEntry(tx, userId, { action: 'user.session.revoke', subjectType: 'user', subjectId: userId, details: {} })
  })
}

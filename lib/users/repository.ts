import { saveAuditEntry } from '@/lib/audit/repository'
import { hashPassword } from '@/lib/auth/password'
import type { Role, SessionUser, UserInput } from '@/lib/auth/schemas'
import { db, Prisma } from '@/lib/db/client'
import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/errors'

export type UserRow = SessionUser & { createdAt: Date }
const PUBLIC_FIELDS = { id: true, email: true, name: true, role: true, createdAt: true } as const

export function listUsers(): Promise<UserRow[]> {
  return db.user.findMany({ select: PUBLIC_FIELDS, orderBy: [{ role: 'desc' }, { email: 'asc' }] })
}

export function findUserById(id: string): Promise<UserRow | null> {
  return db.user.findUnique({ where: { id }, select: PUBLIC_FIELDS })
}

/** Creates a user; the audit row commits with it. Throws InvalidInputError on a taken e-mail. */
export async function createUser(input: UserInput, { by }: { by: string | null }): Promise<UserRow> {
  const passwordHash = await hashPassword(input.password)
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash }, select: PUBLIC_FIELDS })
      await saveAuditEntry(tx, by, { action: 'user.create', subjectType: 'user', subjectId: user.id, details: { email: user.email, role: user.role } })
      return user
    })
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new InvalidInputError([{ path: 'email', message: 'a user with this e-mail already exists' }])
    }
    throw error
  }
}

/** Changes a role, audited. Refuses to leave the instance without an admin. */
export async function changeUserRole(userId: string, role: Role, { by }: { by: string | null }): Promise<UserRow> {
  return db.$transaction(
    async (tx) => {
      const current = await tx.user.findUnique({ where: { id: userId }, select: PUBLIC_FIELDS })
      if (!current) throw new NotFoundError('no such user')
      if (current.role === role) return current
      if (current.role === 'admin' && (await tx.user.count({ where: { role: 'admin' } })) === 1) {
        throw new ConflictError('this is the last admin; make someone else admin first')
      }
      const user = await tx.user.update({ where: { id: userId }, data: { role }, select: PUBLIC_FIELDS })
      await saveAuditEntry(tx, by, { action: 'user.role.change', subjectType: 'user', subjectId: userId, details: { email: user.email, from: current.role, to: role } })
      return user
    },
    { isolationLevel: 'Serializable' },
  )
}

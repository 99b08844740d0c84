// Serializable transactions that retry when Postgres aborts one for a conflicting concurrent
// transaction (SQLSTATE 40001/40P01, Prisma's P2034): the documented way to use the level. After the
// last attempt the conflict is the caller's 409.
import { ConflictError } from '@/lib/errors'
import { db, Prisma } from './client'

const ATTEMPTS = 4

export const isWriteConflict = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2034'

export async function inSerializableTransaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(work, { isolationLevel: 'Serializable' })
    } catch (error) {
      if (!isWriteConflict(error)) throw error
      if (attempt >= ATTEMPTS) throw new ConflictError('someone else changed this at the same moment; try again')
      // A little jitter so the retried transactions do not collide again in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt))
    }
  }
}

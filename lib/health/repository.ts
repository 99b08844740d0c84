import { db } from '@/lib/db/client'

/** Round trip to the database; rejects when it is unreachable. */
export async function pingDatabase(): Promise<void> {
  await db.$queryRaw`SELECT 1`
}

import { db, type Prisma } from '@/lib/db/client'
import { auditEntrySchema, type AuditEntry } from './schemas'

type Tx = Prisma.TransactionClient

/** Writes one audit row inside the caller's transaction, so the change and its record commit together. */
export async function saveAuditEntry(tx: Tx, actorId: string | null, entry: AuditEntry): Promise<void> {
  const parsed = auditEntrySchema.parse(entry)
  await tx.auditLog.create({ data: { actorId, ...parsed, details: parsed.details as Prisma.InputJsonValue } })
}

export type AuditRow = {
  id: string
  at: Date
  actorEmail: string | null
  action: string
  subjectType: string
  subjectId: string
  details: unknown
}

/** Newest first; `before` pages back (an entry id), `action` keeps one kind of change (`user.` keeps all of users'). */
export async function listAuditEntries({ limit = 50, before, action }: { limit?: number; before?: bigint; action?: string } = {}): Promise<
  AuditRow[]
> {
  const rows = await db.auditLog.findMany({
    where: { ...(before !== undefined ? { id: { lt: before } } : {}), ...(action ? { action: { startsWith: action } } : {}) },
    orderBy: { id: 'desc' },
    take: limit,
    include: { actor: { select: { email: true } } },
  })
  return rows.map((row) => ({
    id: row.id.toString(),
    at: row.at,
    actorEmail: row.actor?.email ?? null,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    details: row.details,
  }))
}

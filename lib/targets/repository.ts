import { saveAuditEntry } from '@/lib/audit/repository'
import { db } from '@/lib/db/client'
import { NotFoundError } from '@/lib/errors'
import { DEFAULT_TARGETS } from './defaults'
import { TARGET_KEYS, type Target, type TargetInput } from './schemas'

export async function listTargets(): Promise<Target[]> {
  const rows = await db.target.findMany({ select: { key: true, label: true, goal: true, comparator: true, dueDate: true } })
  return rows.sort((a, b) => TARGET_KEYS.indexOf(a.key) - TARGET_KEYS.indexOf(b.key))
}

/** Creates the default targets that do not exist yet; never overwrites an admin's edits. */
export async function ensureDefaultTargets({
  dueDate = null,
  servicesGoal,
}: { dueDate?: Date | null; servicesGoal?: number } = {}): Promise<void> {
  for (const target of DEFAULT_TARGETS) {
    const goal = target.key === 'services_traced' && servicesGoal ? servicesGoal : target.goal
    await db.target.upsert({ where: { key: target.key }, create: { ...target, goal, dueDate }, update: {} })
  }
}

/** An admin's change of one target's goal and due date, audited with both values before and after. */
export async function saveTarget(input: TargetInput, { by }: { by: string }) {
  return db.$transaction(async (tx) => {
    const before = await tx.target.findUnique({ where: { key: input.key } })
    if (!before) throw new NotFoundError(`no target ${input.key}`)
    const saved = await tx.target.update({ where: { key: input.key }, data: { goal: input.goal, dueDate: input.dueDate, updatedById: by } })
    await saveAuditEntry(tx, by, {
      action: 'target.change',
      subjectType: 'target',
      subjectId: input.key,
      details: {
        goal: { from: before.goal, to: saved.goal },
        dueDate: { from: before.dueDate?.toISOString().slice(0, 10) ?? null, to: saved.dueDate?.toISOString().slice(0, 10) ?? null },
      },
    })
    return saved
  })
}

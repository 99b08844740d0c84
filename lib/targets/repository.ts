import { db } from '@/lib/db/client'
import { DEFAULT_TARGETS } from './defaults'
import { TARGET_KEYS, type Target } from './schemas'

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

// Seeds the summary store. Defaults (the week-2 targets) in every mode; demo users and an
// inventory catalog on request (`npm run demo` does both). Idempotent: never overwrites edits.
import { hashPassword } from '@/lib/auth/password'
import { db } from '@/lib/db/client'
import { saveInventoryCatalog } from '@/lib/inventory/repository'
import { inventoryCatalogSchema, type InventoryEntry } from '@/lib/inventory/schemas'
import { ensureDefaultTargets } from '@/lib/targets/repository'
import { DEMO_USERS } from './demo-users'

export { DEMO_USERS }

/** Creates the demo users that are missing (an existing one keeps its role and password). */
export async function seedDemoUsers(): Promise<void> {
  for (const user of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { email: user.email }, select: { id: true } })
    if (existing) continue
    await db.user.create({ data: { email: user.email, name: user.name, role: user.role, passwordHash: await hashPassword(user.password) } })
  }
}

/**
 * Seeds the inventory from a catalog (validated: a bad entry names its index and field) and the
 * targets, with "services traced" set to the catalog's size and the due date at the end of week 2.
 */
export async function seedInventory(catalog: InventoryEntry[]): Promise<void> {
  const entries = inventoryCatalogSchema.parse(catalog)
  const known = new Set((await db.service.findMany({ select: { name: true } })).map((s) => s.name))
  const missing = entries.filter((entry) => !known.has(entry.name))
  if (missing.length) await saveInventoryCatalog(missing, { by: null })
  const firstPlanned = entries.map((entry) => entry.plannedDate).sort()[0]
  const dueDate = firstPlanned ? new Date(Date.parse(`${firstPlanned}T00:00:00Z`) + 13 * 86_400_000) : null
  await ensureDefaultTargets({ dueDate, servicesGoal: entries.length })
}

export async function seedDefaults(): Promise<void> {
  await ensureDefaultTargets()
}

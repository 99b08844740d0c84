// Seeds the summary store. Defaults (the week-2 targets) in every mode; demo users, the demo's plan for
// the targets and an API token for the demo's own jobs on request (`npm run demo` does these; the demo's
// inventory then arrives through the inventory import API, demo/jobs/import-catalog.ts, and its alerting
// through the channels and rules APIs, demo/jobs/wire-alerting.ts). seedInventory
// writes a catalog directly, for benches. Idempotent: never overwrites edits.
import { createApiToken, revokeApiToken } from '@/lib/auth/api-token-repository'
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

/** The week-2 targets for a planned rollout: "services traced" out of the catalog's size, due at the end of week 2. */
export async function seedPlannedTargets({ dueDate, servicesGoal }: { dueDate: string; servicesGoal: number }): Promise<void> {
  await ensureDefaultTargets({ dueDate: new Date(`${dueDate}T00:00:00Z`), servicesGoal })
}

export const DEMO_JOBS_TOKEN = {
  name: 'demo jobs',
  scopes: ['inventory.write', 'overhead.write', 'incidents.write', 'alerts.write', 'slos.write', 'deployments.write'],
} as const

/**
 * A new API token for the demo's jobs (catalog import, load test, alerting), created by the demo admin and
 * audited like any other; the demo's earlier ones are revoked (a token is shown once, so each run
 * makes its own). `firstRun`: the database had none before.
 */
export async function createDemoJobsToken(): Promise<{ token: string; firstRun: boolean }> {
  const admin = DEMO_USERS.find((user) => user.role === 'admin')!
  const { id: by } = await db.user.findUniqueOrThrow({ where: { email: admin.email }, select: { id: true } })
  const earlier = await db.apiToken.findMany({ where: { name: DEMO_JOBS_TOKEN.name }, select: { id: true, revokedAt: true } })
  for (const token of earlier) if (!token.revokedAt) await revokeApiToken(token.id, { by })
  const { token } = await createApiToken({ name: DEMO_JOBS_TOKEN.name, scopes: [...DEMO_JOBS_TOKEN.scopes] }, { by })
  return { token, firstRun: earlier.length === 0 }
}

export async function seedDefaults(): Promise<void> {
  await ensureDefaultTargets()
}

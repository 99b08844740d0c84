import { saveAuditEntry } from '@/lib/audit/repository'
import { db } from '@/lib/db/client'
import type { InventoryEntry } from './schemas'

export type InventoryService = {
  name: string
  origin: 'inventory' | 'discovered'
  team: string | null
  owner: string | null
  tier: number | null
  rolloutWave: number | null
  plannedDate: Date | null
  expectedOperations: string[]
}

export function listInventory(): Promise<InventoryService[]> {
  return db.service.findMany({
    select: {
      name: true,
      origin: true,
      team: true,
      owner: true,
      tier: true,
      rolloutWave: true,
      plannedDate: true,
      expectedOperations: true,
    },
    orderBy: [{ origin: 'asc' }, { rolloutWave: 'asc' }, { name: 'asc' }],
  })
}

export async function countInventory(): Promise<{ inventory: number; discovered: number }> {
  const groups = await db.service.groupBy({ by: ['origin'], _count: { _all: true } })
  const count = (origin: string) => groups.find((group) => group.origin === origin)?._count._all ?? 0
  return { inventory: count('inventory'), discovered: count('discovered') }
}

/** Inserts or updates catalog services (by name) in one transaction, audited; leaves other services alone. */
export async function saveInventoryCatalog(entries: InventoryEntry[], { by }: { by: string | null }): Promise<number> {
  return db.$transaction(async (tx) => {
    for (const { wave, plannedDate, ...entry } of entries) {
      const fields = { ...entry, origin: 'inventory' as const, rolloutWave: wave, plannedDate: new Date(`${plannedDate}T00:00:00Z`) }
      await tx.service.upsert({ where: { name: entry.name }, create: fields, update: fields })
    }
    await saveAuditEntry(tx, by, {
      action: 'inventory.import',
      subjectType: 'inventory',
      subjectId: 'catalog',
      details: { services: entries.length },
    })
    return entries.length
  })
}

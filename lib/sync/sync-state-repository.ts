// Sync state per service, and the services the worker learns of from Jaeger.
import { db } from '@/lib/db/client'
import { cleanText } from '@/lib/jaeger/clean-text'

export type SyncStateRow = {
  serviceName: string
  watermark: Date
  backfillFrom: Date
  liveFrom: Date | null
  liveWatermark: Date | null
  lastSuccessAt: Date | null
  lastErrorAt: Date | null
  lastError: string | null
  consecutiveFailures: number
  nextAttemptAt: Date | null
}

/**
 * Makes sure every service Jaeger lists has a Service row (services not in the inventory are recorded
 * as discovered) and a sync state: history from `backfillFrom`, and — when `liveFrom` is later — a
 * live range from `liveFrom` that is read first. Returns the newly discovered names.
 */
export async function ensureSyncedServices(
  names: readonly string[],
  { backfillFrom, liveFrom, now = new Date() }: { backfillFrom: Date; liveFrom: Date; now?: Date },
): Promise<string[]> {
  const known = new Set((await db.service.findMany({ where: { name: { in: [...names] } }, select: { name: true } })).map((s) => s.name))
  const discovered = names.filter((name) => !known.has(name))
  if (discovered.length)
    await db.service.createMany({
      data: discovered.map((name) => ({ name, origin: 'discovered' as const, discoveredAt: now })),
      skipDuplicates: true,
    })
  const live = liveFrom > backfillFrom ? { liveFrom, liveWatermark: liveFrom } : {}
  await db.syncState.createMany({
    data: names.map((serviceName) => ({ serviceName, watermark: backfillFrom, backfillFrom, ...live })),
    skipDuplicates: true,
  })
  return discovered
}

export function listSyncStates(serviceNames?: readonly string[]): Promise<SyncStateRow[]> {
  return db.syncState.findMany({
    where: serviceNames ? { serviceName: { in: [...serviceNames] } } : undefined,
    orderBy: { watermark: 'asc' },
  })
}

export function findSyncState(serviceName: string): Promise<SyncStateRow | null> {
  return db.syncState.findUnique({ where: { serviceName } })
}

/**
 * Records why a window failed; the service is not retried before `nextAttemptAt`. The message may
 * quote Jaeger's answer (a 5xx body): cleaned, or a NUL in it would fail this write, then the tick,
 * every round, before the services behind this one get their turn.
 */
export async function saveSyncFailure(
  serviceName: string,
  { error, now, nextAttemptAt }: { error: string; now: Date; nextAttemptAt: Date },
): Promise<void> {
  await db.syncState.update({
    where: { serviceName },
    data: { lastError: cleanText(error.slice(0, 2000)), lastErrorAt: now, nextAttemptAt, consecutiveFailures: { increment: 1 } },
  })
}

// One round of the sync over every service Jaeger knows: learn new services, then give each service
// this worker can lease a turn, most-behind first.
import { minuteOf } from '@/lib/metrics/time-buckets'
import type { SyncLeases } from './leases'
import { syncServiceTurn, type ServiceTurn, type SyncContext, type SyncSettings } from './sync-service'
import { ensureSyncedServices, listSyncStates } from './sync-state-repository'

export type TickReport = { services: number; discovered: string[]; turns: ServiceTurn[]; jaegerError: string | null }

export async function runSyncTick(context: SyncContext & { listServices: () => Promise<string[]>; leases: SyncLeases }, settings: SyncSettings): Promise<TickReport> {
  const now = context.now()
  let names: string[]
  let jaegerError: string | null = null
  let discovered: string[] = []
  try {
    names = await context.listServices()
    const nowUs = now.getTime() * 1000
    const backfillFrom = new Date(minuteOf(nowUs - settings.backfillUs) / 1000)
    const liveFrom = new Date(Math.max(backfillFrom.getTime(), minuteOf(nowUs - settings.settleUs - settings.liveFirstUs) / 1000))
    discovered = await ensureSyncedServices(names, { backfillFrom, liveFrom, now })
  } catch (error) {
    // Jaeger cannot even list its services: every known service takes its turn and records the
    // failure itself, so each backs off on its own schedule and the status page shows why.
    jaegerError = error instanceof Error ? error.message : String(error)
    names = (await listSyncStates()).map((state) => state.serviceName)
  }
  const turns: ServiceTurn[] = []
  for (const state of await listSyncStates(names)) {
    if (context.shouldStop()) break
    if (state.nextAttemptAt && state.nextAttemptAt > context.now()) continue
    if (!(await context.leases.tryAcquire(state.serviceName))) continue
    try {
      turns.push(await syncServiceTurn(state.serviceName, context, settings))
    } finally {
      await context.leases.release(state.serviceName)
    }
  }
  return { services: names.length, discovered, turns, jaegerError }
}

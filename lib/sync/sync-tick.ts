// One round of the sync over every service Jaeger knows: learn new services, then give each service
// this worker can lease a turn, most-behind first.
import { minuteOf } from '@/lib/time/time-buckets'
import type { SyncLeases } from './leases'
import { syncServiceTurn, type ServiceTurn, type SyncContext, type SyncSettings } from './sync-service'
import { ensureSyncedServices, listSyncStates } from './sync-state-repository'
import { toMicros } from '@/lib/time/micros'

export type TickReport = { services: number; discovered: string[]; turns: ServiceTurn[]; jaegerError: string | null }

export async function runSyncTick(
  context: SyncContext & { listServices: () => Promise<string[]>; leases: SyncLeases },
  settings: SyncSettings,
): Promise<TickReport> {
  const now = context.now()
  let names: string[] | null = null
  let jaegerError: string | null = null
  let discovered: string[] = []
  try {
    names = await context.listServices()
  } catch (error) {
    // Jaeger cannot even list its services: every known service takes its turn and records the
    // failure itself, so each backs off on its own schedule and the status page shows why.
    jaegerError = error instanceof Error ? error.message : String(error)
  }
  // Database failures (below) are not Jaeger's: they fail the round, which is retried whole.
  if (names) {
    const nowUs = toMicros(now)
    const backfillFrom = new Date(minuteOf(nowUs - settings.backfillUs) / 1000)
    const liveFrom = new Date(Math.max(backfillFrom.getTime(), minuteOf(nowUs - settings.settleUs - settings.liveFirstUs) / 1000))
    discovered = await ensureSyncedServices(names, { backfillFrom, liveFrom, now })
  } else {
    names = (await listSyncStates()).map((state) => state.serviceName)
  }
  const turns: ServiceTurn[] = []
  for (const state of await listSyncStates(names)) {
    if (context.shouldStop()) break
    if (state.nextAttemptAt && state.nextAttemptAt > context.now()) continue
    if (!(await context.leases.tryAcquire(state.serviceName))) continue
    // The lease goes with its connection: once that drops, no further window of this turn starts.
    const underLease = { ...context, shouldStop: () => context.shouldStop() || !context.leases.holds(state.serviceName) }
    try {
      turns.push(await syncServiceTurn(state.serviceName, underLease, settings))
    } finally {
      await context.leases.release(state.serviceName)
    }
  }
  return { services: names.length, discovered, turns, jaegerError }
}

// A sync tick's context for DB tests, so they differ only where they mean to: which services Jaeger
// lists, the clock, the worker's id. Quiet, never stopped, a fixed jitter draw.
import type { JaegerClient } from '@/lib/jaeger/client'
import type { SyncLeases } from '../leases'
import type { runSyncTick } from '../sync-tick'

type TickContext = Parameters<typeof runSyncTick>[0]

export function testTickContext({
  client,
  leases,
  services,
  now,
  workerId = 'test',
  random = () => 0.5,
}: {
  client: JaegerClient
  leases: SyncLeases
  /** What Jaeger is asked to list: the names, or (as the worker does) the client's own list. */
  services: readonly string[] | (() => readonly string[]) | 'from-jaeger'
  now: () => Date
  workerId?: string
  random?: () => number
}): TickContext {
  return {
    search: (search) => client.searchTraces(search),
    listServices:
      services === 'from-jaeger' ? () => client.listServices() : async () => [...(typeof services === 'function' ? services() : services)],
    leases,
    workerId,
    log: { info() {}, warn() {} },
    now,
    random,
    shouldStop: () => false,
  }
}

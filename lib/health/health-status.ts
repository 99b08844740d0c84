// Overall health from its parts. Pure.

export type HealthStatus = 'ok' | 'degraded' | 'down'

/** A worker missing this many heartbeats in a row counts as gone. */
export const MISSED_HEARTBEATS = 3

export function isWorkerFresh(lastSeenAt: Date | null, now: Date, heartbeatSeconds: number): boolean {
  return lastSeenAt !== null && now.getTime() - lastSeenAt.getTime() <= MISSED_HEARTBEATS * heartbeatSeconds * 1000
}

/** The database is the app: without it, down. Jaeger or the worker missing only degrades (pages stay up, data ages). */
export function computeHealthStatus({ databaseOk, jaegerOk, workerFresh }: { databaseOk: boolean; jaegerOk: boolean; workerFresh: boolean }): HealthStatus {
  if (!databaseOk) return 'down'
  return jaegerOk && workerFresh ? 'ok' : 'degraded'
}

// Overall health from its parts. Pure.

export type HealthStatus = 'ok' | 'degraded' | 'down'

/** A worker missing this many heartbeats in a row counts as gone. */
export const MISSED_HEARTBEATS = 3

export function isWorkerFresh(lastSeenAt: Date | null, now: Date, heartbeatSeconds: number): boolean {
  return lastSeenAt !== null && now.getTime() - lastSeenAt.getTime() <= MISSED_HEARTBEATS * heartbeatSeconds * 1000
}

/** The database is the app: without it, down. Jaeger or the worker missing only degrades (pages stay up, data ages). */
export function computeHealthStatus({
  databaseOk,
  jaegerOk,
  workerFresh,
}: {
  databaseOk: boolean
  jaegerOk: boolean
  workerFresh: boolean
}): HealthStatus {
  if (!databaseOk) return 'down'
  return jaegerOk && workerFresh ? 'ok' : 'degraded'
}

/** What anyone may know without signing in: up or down per part, nothing more (no hosts, ports or errors). */
export type PublicHealth = {
  status: HealthStatus
  checkedAt: string
  database: { ok: boolean }
  jaeger: { ok: boolean } | null
  worker: { ok: boolean }
}

export function toPublicHealth(health: {
  status: HealthStatus
  checkedAt: string
  database: { ok: boolean }
  jaeger: { ok: boolean } | null
  worker: { ok: boolean }
}): PublicHealth {
  return {
    status: health.status,
    checkedAt: health.checkedAt,
    database: { ok: health.database.ok },
    jaeger: health.jaeger && { ok: health.jaeger.ok },
    worker: { ok: health.worker.ok },
  }
}

// Checks the database, Jaeger and the worker, each bounded in time, for /api/health and the UI.
import { env } from '@/lib/env'
import { probeJaeger, type JaegerProbe } from '@/lib/jaeger/probe'
import { findLatestHeartbeat } from '@/lib/sync/heartbeat-repository'
import { pingDatabase } from './repository'
import { computeHealthStatus, isWorkerFresh, type HealthStatus } from './health-status'

export type Health = {
  status: HealthStatus
  checkedAt: string
  database: { ok: boolean; latencyMs: number; error?: string }
  jaeger: JaegerProbe
  worker: { ok: boolean; lastSeenAt: string | null }
}

const DATABASE_TIMEOUT_MS = 3000
const JAEGER_HEALTH_TIMEOUT_MS = 3000

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms).unref?.())])
}

async function checkDatabase(): Promise<{ ok: boolean; latencyMs: number; error?: string; lastSeenAt: Date | null }> {
  const started = performance.now()
  try {
    await withTimeout(pingDatabase(), DATABASE_TIMEOUT_MS, 'database')
    const lastSeenAt = await findLatestHeartbeat()
    return { ok: true, latencyMs: Math.round(performance.now() - started), lastSeenAt }
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: describeError(error), lastSeenAt: null }
  }
}

/** Prisma's messages are multi-line with the cause last ("… Message: `Can't reach database server at …`"). */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const last = error.message.split('\n').map((line) => line.trim()).filter(Boolean).at(-1) ?? error.name
  return /Message: `(.+)`/.exec(last)?.[1] ?? last
}

export async function checkHealth(now = new Date()): Promise<Health> {
  const config = env()
  const [database, jaeger] = await Promise.all([checkDatabase(), probeJaeger(config.JAEGER_URL, Math.min(config.JAEGER_TIMEOUT_MS, JAEGER_HEALTH_TIMEOUT_MS))])
  const workerFresh = isWorkerFresh(database.lastSeenAt, now, config.WORKER_HEARTBEAT_SECONDS)
  return {
    status: computeHealthStatus({ databaseOk: database.ok, jaegerOk: jaeger.ok, workerFresh }),
    checkedAt: now.toISOString(),
    database: { ok: database.ok, latencyMs: database.latencyMs, ...(database.error ? { error: database.error } : {}) },
    jaeger,
    worker: { ok: workerFresh, lastSeenAt: database.lastSeenAt?.toISOString() ?? null },
  }
}

// Checks the database, Jaeger and the worker, each bounded in time. /api/health probes Jaeger itself
// (at most once per JAEGER_PROBE_TTL_MS);
// pages take Jaeger's state from the worker's last heartbeat, so a slow Jaeger never slows a page.
import { env } from '@/lib/env'
import { probeJaeger, type JaegerCheck } from '@/lib/jaeger/probe'
import { findLatestHeartbeat } from '@/lib/sync/heartbeat-repository'
import { computeHealthStatus, isWorkerFresh, type HealthStatus } from './health-status'
import { pingDatabase } from './repository'

export type Health = {
  status: HealthStatus
  checkedAt: string
  database: { ok: boolean; latencyMs: number; error?: string }
  /** null: unknown (asked of the worker, and no worker is running). */
  jaeger: (JaegerCheck & { source: 'live' | 'worker' }) | null
  worker: { ok: boolean; lastSeenAt: string | null }
}

const DATABASE_TIMEOUT_MS = 3000
const JAEGER_HEALTH_TIMEOUT_MS = 3000
/** A live probe is shared by every health check for this long: uptime checkers cannot make us hammer Jaeger. */
const JAEGER_PROBE_TTL_MS = 5000

let lastProbe: { atMs: number; probe: Promise<JaegerCheck> } | undefined

function probeJaegerCached(url: string, timeoutMs: number, nowMs: number): Promise<JaegerCheck> {
  if (!lastProbe || nowMs - lastProbe.atMs >= JAEGER_PROBE_TTL_MS) {
    const checkedAt = new Date(nowMs).toISOString()
    lastProbe = { atMs: nowMs, probe: probeJaeger(url, timeoutMs).then((probe) => ({ ...probe, checkedAt })) }
  }
  return lastProbe.probe
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms).unref?.()),
  ])
}

/** Prisma's messages are multi-line with the cause last ("… Message: `Can't reach database server at …`"). */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const last =
    error.message
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .at(-1) ?? error.name
  return /Message: `(.+)`/.exec(last)?.[1] ?? last
}

async function checkDatabase() {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  try {
    await withTimeout(pingDatabase(), DATABASE_TIMEOUT_MS, 'database')
    const latencyMs = elapsed()
    return { ok: true, latencyMs, heartbeat: await findLatestHeartbeat() }
  } catch (error) {
    return { ok: false, latencyMs: elapsed(), error: describeError(error), heartbeat: null }
  }
}

export async function checkHealth(
  { jaeger: jaegerSource = 'live' }: { jaeger?: 'live' | 'worker' } = {},
  now = new Date(),
): Promise<Health> {
  const config = env()
  const [database, liveProbe] = await Promise.all([
    checkDatabase(),
    jaegerSource === 'live'
      ? probeJaegerCached(config.JAEGER_URL, Math.min(config.JAEGER_TIMEOUT_MS, JAEGER_HEALTH_TIMEOUT_MS), now.getTime())
      : null,
  ])
  const lastSeenAt = database.heartbeat?.lastSeenAt ?? null
  const workerFresh = isWorkerFresh(lastSeenAt, now, config.WORKER_HEARTBEAT_SECONDS)
  const jaeger: Health['jaeger'] = liveProbe
    ? { ...liveProbe, source: 'live' }
    : workerFresh && database.heartbeat?.jaeger
      ? { ...database.heartbeat.jaeger, source: 'worker' }
      : null
  return {
    status: computeHealthStatus({ databaseOk: database.ok, jaegerOk: jaeger?.ok ?? false, workerFresh }),
    checkedAt: now.toISOString(),
    database: { ok: database.ok, latencyMs: database.latencyMs, ...(database.error ? { error: database.error } : {}) },
    jaeger,
    worker: { ok: workerFresh, lastSeenAt: lastSeenAt?.toISOString() ?? null },
  }
}

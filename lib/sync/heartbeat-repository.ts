// Worker heartbeats: one row per worker process, refreshed every WORKER_HEARTBEAT_SECONDS.
import { db } from '@/lib/db/client'
import type { JaegerProbe } from '@/lib/jaeger/probe'

export type WorkerIdentity = { id: string; host: string; pid: number; version: string; startedAt: Date }

export async function saveHeartbeat(worker: WorkerIdentity, jaeger: JaegerProbe, now = new Date()): Promise<void> {
  const jaegerState = { jaegerOk: jaeger.ok, jaegerError: jaeger.ok ? null : jaeger.error }
  await db.workerHeartbeat.upsert({
    where: { id: worker.id },
    create: { ...worker, lastSeenAt: now, ...jaegerState },
    update: { lastSeenAt: now, stoppedAt: null, ...jaegerState },
  })
}

export async function markWorkerStopped(workerId: string, now = new Date()): Promise<void> {
  await db.workerHeartbeat.updateMany({ where: { id: workerId }, data: { stoppedAt: now, lastSeenAt: now } })
}

export type WorkerRow = { id: string; host: string; pid: number; version: string; startedAt: Date; lastSeenAt: Date; stoppedAt: Date | null; jaegerOk: boolean | null; jaegerError: string | null }

/** Running workers first, then the most recently stopped. */
export async function listWorkers({ limit = 10 }: { limit?: number } = {}): Promise<WorkerRow[]> {
  return db.workerHeartbeat.findMany({ orderBy: [{ lastSeenAt: 'desc' }], take: limit })
}

/** Last heartbeat of any worker that has not stopped. */
export async function findLatestHeartbeat(): Promise<Date | null> {
  const row = await db.workerHeartbeat.findFirst({ where: { stoppedAt: null }, orderBy: { lastSeenAt: 'desc' }, select: { lastSeenAt: true } })
  return row?.lastSeenAt ?? null
}

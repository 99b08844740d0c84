// Worker heartbeats: one row per worker process, refreshed every WORKER_HEARTBEAT_SECONDS, with the
// worker's last check of Jaeger (pages show that instead of calling Jaeger themselves).
import { db } from '@/lib/db/client'
import { jaegerCheckSchema, type JaegerCheck, type JaegerProbe } from '@/lib/jaeger/probe'

export type WorkerIdentity = { id: string; host: string; pid: number; version: string; startedAt: Date }

export async function saveHeartbeat(worker: WorkerIdentity, jaeger: JaegerProbe, now = new Date()): Promise<void> {
  const jaegerProbe: JaegerCheck = { ...jaeger, checkedAt: now.toISOString() }
  await db.workerHeartbeat.upsert({
    where: { id: worker.id },
    create: { ...worker, lastSeenAt: now, jaegerProbe },
    update: { lastSeenAt: now, stoppedAt: null, jaegerProbe },
  })
}

export async function markWorkerStopped(workerId: string, now = new Date()): Promise<void> {
  await db.workerHeartbeat.updateMany({ where: { id: workerId }, data: { stoppedAt: now, lastSeenAt: now } })
}

export type WorkerRow = {
  id: string
  host: string
  pid: number
  version: string
  startedAt: Date
  lastSeenAt: Date
  stoppedAt: Date | null
  jaeger: JaegerCheck | null
}

/** A stored probe that no longer matches the schema reads as "unknown", never as an error. */
const readProbe = (value: unknown): JaegerCheck | null => jaegerCheckSchema.safeParse(value).data ?? null

/** Most recently seen first. */
export async function listWorkers({ limit = 10 }: { limit?: number } = {}): Promise<WorkerRow[]> {
  const rows = await db.workerHeartbeat.findMany({ orderBy: [{ lastSeenAt: 'desc' }], take: limit })
  return rows.map(({ jaegerProbe, ...row }) => ({ ...row, jaeger: readProbe(jaegerProbe) }))
}

/** The freshest heartbeat of a worker that has not stopped, with its view of Jaeger. */
export async function findLatestHeartbeat(): Promise<{ lastSeenAt: Date; jaeger: JaegerCheck | null } | null> {
  const row = await db.workerHeartbeat.findFirst({
    where: { stoppedAt: null },
    orderBy: { lastSeenAt: 'desc' },
    select: { lastSeenAt: true, jaegerProbe: true },
  })
  return row && { lastSeenAt: row.lastSeenAt, jaeger: readProbe(row.jaegerProbe) }
}

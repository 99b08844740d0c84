// The worker process (`npm run worker`): syncs Jaeger into the summary store (lib/sync/sync-loop),
// runs the stages after the sync in their order (./stages.ts), records a heartbeat with its view of Jaeger, and exits cleanly on SIGTERM/SIGINT: the window in
// progress is either committed or left for the next run, never half-written. It outlives its database
// restarting: rounds and heartbeats fail until Postgres answers again, and the leases reconnect.
import crypto from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import { disconnectDb } from '@/lib/db/client'
import { databaseUrl, EMBEDDED_DATABASE } from '@/lib/db/database-url'
import { startEmbeddedPostgres, type RunningPostgres } from '@/lib/db/embedded-postgres'
import { appUrlOf, loadEnvOrExit } from '@/lib/env'
import { JaegerClient } from '@/lib/jaeger/client'
import { probeJaeger } from '@/lib/jaeger/probe'
import { logger } from '@/lib/logger'
import { redactUrl } from '@/lib/url/credentials'
import packageJson from '../../package.json'
import { DatabaseOutage } from '@/lib/sync/database-outage'
import { markWorkerStopped, saveHeartbeat, type WorkerIdentity } from '@/lib/sync/heartbeat-repository'
import { SyncLeases } from '@/lib/sync/leases'
import { retentionFrom, SyncLoop, syncSettingsFrom } from '@/lib/sync/sync-loop'
import { NotificationSender } from '@/lib/notifications/notification-sender'
import { WorkerStages } from './stages'

async function main() {
  const config = loadEnvOrExit()
  const log = logger('worker')
  let embedded: RunningPostgres | undefined
  if (!config.DATABASE_URL) {
    // Join the embedded Postgres the demo started, or start it (same data folder, same port).
    embedded = await startEmbeddedPostgres({
      dataDir: path.resolve('.data/postgres'),
      port: config.EMBEDDED_POSTGRES_PORT,
      database: EMBEDDED_DATABASE,
    })
  }
  const worker: WorkerIdentity = {
    id: `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`,
    host: os.hostname(),
    pid: process.pid,
    version: packageJson.version,
    startedAt: new Date(),
  }

  let lastJaegerOk: boolean | undefined
  async function beat() {
    const jaeger = await probeJaeger(config.JAEGER_URL, config.JAEGER_TIMEOUT_MS)
    if (jaeger.ok !== lastJaegerOk) {
      if (jaeger.ok) log.info({ api: jaeger.api, services: jaeger.serviceCount, latencyMs: jaeger.latencyMs }, 'jaeger reachable')
      else log.warn({ url: redactUrl(config.JAEGER_URL), error: jaeger.error }, 'jaeger unreachable; will keep trying')
      lastJaegerOk = jaeger.ok
    }
    await saveHeartbeat(worker, jaeger)
  }

  await beat()
  log.info(
    { worker: worker.id, heartbeatSeconds: config.WORKER_HEARTBEAT_SECONDS, database: embedded ? 'embedded' : 'DATABASE_URL' },
    'worker started',
  )
  const outage = new DatabaseOutage(log)
  let beating: Promise<void> = Promise.resolve()
  const timer = setInterval(() => {
    beating = beat().then(
      () => outage.reached(),
      (error: unknown) => void (outage.failed(error) || log.error({ err: error }, 'heartbeat failed; retrying next interval')),
    )
  }, config.WORKER_HEARTBEAT_SECONDS * 1000)

  const leases = await SyncLeases.connect(databaseUrl(), { log })
  // Links in notifications point here: the app's public address.
  const notifications = new NotificationSender({ externalUrl: appUrlOf(config), log: logger('notify') })
  notifications.start()
  const stages = new WorkerStages({ leases, retention: retentionFrom(config), log: logger('stages'), notifications })
  const sync = new SyncLoop({
    client: new JaegerClient({ baseUrl: config.JAEGER_URL, timeoutMs: config.JAEGER_TIMEOUT_MS }),
    leases,
    workerId: worker.id,
    log: logger('sync'),
    outage,
    settings: syncSettingsFrom(config),
    intervalMs: config.SYNC_INTERVAL_SECONDS * 1000,
    afterRound: (round) => stages.afterRound(round),
  })
  const syncing = sync.run()

  let stopping = false
  async function stop(signal: NodeJS.Signals) {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'stopping')
    clearInterval(timer)
    sync.stop()
    await syncing
    await notifications.stop()
    await leases.close()
    await beating
    await markWorkerStopped(worker.id).catch((error: unknown) => log.warn({ err: error }, 'could not record the stop'))
    await disconnectDb()
    await embedded?.stop()
    log.info('stopped')
    process.exit(0)
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch((error: unknown) => {
  console.error('spanlens worker: failed to start:', error instanceof Error ? error.message : error)
  process.exit(1)
})

// The one place that orders what the worker does after the sync's rounds have committed windows. For
// every service this worker can lease, in this order (DESIGN.md, "Shape"):
//
//   sync ─────────▶ compaction ─────────▶ latency judgement ──▶ alert evaluation ──▶ SLO accounting
//   lib/sync         lib/sync               lib/latency           lib/alerts (next)     lib/slo (next)
//   windows →        minutes → hours →      baselines, slow
//   rollups, once    days, retention        verdicts
//
// Each stage is a function its domain exports: idempotent, safe to rerun after a crash, and run for a
// service only under its lease, so several workers never run one twice at once. No domain imports a
// later one; lib/sync knows nothing of the stages after it.
import { judgeAndSaveLatencyHealth } from '@/lib/latency/health-repository'
import { compactService, type Retention } from '@/lib/sync/compaction-repository'
import { isConnectionError } from '@/lib/sync/connection-error'
import type { SyncLeases } from '@/lib/sync/leases'
import { listSyncStates } from '@/lib/sync/sync-state-repository'

/** The later stages run this often (a few queries per service when nothing changed). */
export const STAGES_EVERY_MS = 60_000

type Log = { info(details: object, message: string): void; warn(details: object, message: string): void }

/** What one pass of the stages did, and how long each stage took in all. */
export type StagesReport = { services: number; slow: number; stageMs: { compaction: number; latency: number } }

export class WorkerStages {
  private lastRunMs = Number.NEGATIVE_INFINITY

  constructor(private readonly deps: { leases: SyncLeases; retention: Retention; log: Log; everyMs?: number }) {}

  /** After a sync round: runs the stages when they are due. A lost database connection fails the round. */
  async afterRound({ now, shouldStop }: { now: Date; shouldStop: () => boolean }): Promise<StagesReport | null> {
    if (now.getTime() - this.lastRunMs < (this.deps.everyMs ?? STAGES_EVERY_MS)) return null
    this.lastRunMs = now.getTime()
    const report: StagesReport = { services: 0, slow: 0, stageMs: { compaction: 0, latency: 0 } }
    for (const { serviceName } of await listSyncStates()) {
      if (shouldStop()) break
      if (!(await this.deps.leases.tryAcquire(serviceName))) continue
      try {
        let started = performance.now()
        await compactService(serviceName, { now, retention: this.deps.retention })
        report.stageMs.compaction += performance.now() - started
        started = performance.now()
        report.slow += (await judgeAndSaveLatencyHealth(serviceName, { now })).slow
        report.stageMs.latency += performance.now() - started
        report.services++
      } catch (error) {
        if (isConnectionError(error)) throw error // the round fails and reports the outage, once
        this.deps.log.warn({ service: serviceName, err: error }, 'a stage after the sync failed; it will be retried')
      } finally {
        await this.deps.leases.release(serviceName)
      }
    }
    if (report.slow > 0) this.deps.log.info({ slow: report.slow }, `latency: ${report.slow} operation${report.slow === 1 ? '' : 's'} slow against ${report.slow === 1 ? 'its' : 'their'} baseline`)
    return report
  }
}

// The one place that orders what the worker does after the sync's rounds have committed windows. For
// every service this worker can lease, in this order (DESIGN.md, "Shape"):
//
//   sync ───────▶ compaction ───────▶ latency judgement ──▶ rollout status ──▶ canary ──────────▶ alert evaluation ──▶ SLO accounting ──▶ notifications
//   lib/sync       lib/sync             lib/latency            lib/rollout         lib/canary          lib/alerts            lib/slo              lib/notifications
//   windows →      minutes → hours →    baselines, slow        go-live, status     deployments from    rules at each         closed hours,        group, silence, queue
//   rollups, once  days, retention      verdicts               from daily quality  versions, verdicts  service's watermark   budgets, burn-rate   (sent by its own loop)
//                                                                                                                            alerts
// Each stage is a function its domain exports: idempotent, safe to rerun after a crash, and run for a
// service only under its lease, so several workers never run one twice at once. No domain imports a
// later one; lib/sync knows nothing of the stages after it.
import { evaluateAndSaveAlerts, type AlertStageReport } from '@/lib/alerts/alert-evaluator'
import { runCanaryStage, type CanaryStageReport } from '@/lib/canary/canary-stage'
import { annotateAlert } from '@/lib/alerts/annotate-alert'
import { LatencyHealthJudge, type JudgementPhases } from '@/lib/latency/latency-health-judge'
import type { NotificationSender } from '@/lib/notifications/notification-sender'
import type { PlanReport } from '@/lib/notifications/dispatcher'
import { judgeAndSaveRolloutStates } from '@/lib/rollout/rollout-state-repository'
import { runSloStage, type SloStageReport } from '@/lib/slo/slo-stage'
import { compactService, type Retention } from '@/lib/sync/compaction-repository'
import { isConnectionError } from '@/lib/sync/connection-error'
import type { SyncLeases } from '@/lib/sync/leases'
import { listSyncStates } from '@/lib/sync/sync-state-repository'

/** The later stages run this often (compaction: a few queries per service; judgement: a few per pass when nothing changed). */
export const STAGES_EVERY_MS = 60_000

type Log = { info(details: object, message: string): void; warn(details: object, message: string): void }

/** What one pass of the stages did, and how long each stage took in all. */
export type StagesReport = {
  services: number
  slow: number
  stageMs: { compaction: number; latency: number; rollout: number; canary: number; alerts: number; slos: number; notifications: number }
  /** The latency judgement's pass by phase (ms). */
  latencyPhases: JudgementPhases
  /** Series judged again, verdicts kept as they were, verdict rows written (the rest only stamped). */
  series: { judged: number; kept: number; written: number }
  canary: CanaryStageReport | null
  alerts: AlertStageReport | null
  slos: SloStageReport | null
  /** Notifications queued after the evaluation (null: none planned, or another worker was planning). */
  notifications: PlanReport | null
}

export class WorkerStages {
  private lastRunMs = Number.NEGATIVE_INFINITY
  /** Keeps each series' history between passes, so a pass judges what changed (lib/latency/latency-health-judge.ts). */
  private readonly latency = new LatencyHealthJudge()

  constructor(
    private readonly deps: { leases: SyncLeases; retention: Retention; log: Log; everyMs?: number; notifications?: NotificationSender },
  ) {}

  /**
   * After a sync round: runs the stages when they are due — compaction service by service, then the
   * latency judgement of every service leased, in one pass. A lost database connection fails the round.
   */
  async afterRound({ now, shouldStop }: { now: Date; shouldStop: () => boolean }): Promise<StagesReport | null> {
    if (now.getTime() - this.lastRunMs < (this.deps.everyMs ?? STAGES_EVERY_MS)) return null
    this.lastRunMs = now.getTime()
    const report: StagesReport = {
      services: 0,
      slow: 0,
      stageMs: { compaction: 0, latency: 0, rollout: 0, canary: 0, alerts: 0, slos: 0, notifications: 0 },
      latencyPhases: { plan: 0, read: 0, judge: 0, save: 0, prepare: 0 },
      series: { judged: 0, kept: 0, written: 0 },
      canary: null,
      alerts: null,
      slos: null,
      notifications: null,
    }
    const leased: string[] = []
    try {
      for (const { serviceName } of await listSyncStates()) {
        if (shouldStop()) break
        if (!(await this.deps.leases.tryAcquire(serviceName))) continue
        leased.push(serviceName)
        const started = performance.now()
        await this.stage(serviceName, () => compactService(serviceName, { now, retention: this.deps.retention }))
        report.stageMs.compaction += performance.now() - started
      }
      // Only services still held: a lease lost with its connection may already be another worker's.
      const judged = leased.filter((service) => this.deps.leases.holds(service))
      if (judged.length && !shouldStop()) {
        const started = performance.now()
        const reports = (await this.stage(judged.join(', '), () => this.latency.judgeAndSave(judged, { now }))) ?? []
        report.stageMs.latency = performance.now() - started
        report.latencyPhases = this.latency.lastPhases
        for (const service of reports) {
          if (service.skipped === 'failed')
            this.deps.log.warn({ service: service.service, err: service.error }, 'latency judgement failed; it will be retried')
          report.slow += service.slow
          report.series.judged += service.judged
          report.series.kept += service.kept
          report.series.written += service.written
        }
        report.services = judged.length
      }
      const held = leased.filter((service) => this.deps.leases.holds(service))
      if (held.length && !shouldStop()) {
        const started = performance.now()
        const rollout = await this.stage(held.join(', '), () => judgeAndSaveRolloutStates(held, { now }))
        report.stageMs.rollout = performance.now() - started
        if (rollout?.wentLive.length)
          this.deps.log.info({ services: rollout.wentLive }, `rollout: first spans of ${rollout.wentLive.join(', ')}`)
      }
      const deploying = leased.filter((service) => this.deps.leases.holds(service))
      if (deploying.length && !shouldStop()) {
        const started = performance.now()
        report.canary = (await this.stage(deploying.join(', '), () => runCanaryStage(deploying, { now }))) ?? null
        report.stageMs.canary = performance.now() - started
        if (report.canary?.failing.length)
          this.deps.log.warn({ deployments: report.canary.failing }, 'canary: deployments failing their verdict')
      }
      const alerting = leased.filter((service) => this.deps.leases.holds(service))
      if (alerting.length && !shouldStop()) {
        const started = performance.now()
        report.alerts =
          (await this.stage(alerting.join(', '), () => evaluateAndSaveAlerts(alerting, { now, annotate: annotateAlert }))) ?? null
        report.stageMs.alerts = performance.now() - started
        if (report.alerts?.unreadableRules)
          this.deps.log.warn({ rules: report.alerts.unreadableRules }, 'alerts: some rules cannot be read and were skipped')
        if (report.alerts?.transitions)
          this.deps.log.info({ transitions: report.alerts.transitions, firing: report.alerts.firing }, 'alerts: states changed')
      }
      // Every SLO, whichever worker leases its service: the accounting moves under guards, alerts under a cursor per SLO.
      if (leased.length && !shouldStop()) {
        const started = performance.now()
        const minuteRetentionMs = this.deps.retention.minuteUs / 1000
        report.slos = (await this.stage('slos', () => runSloStage({ now, minuteRetentionMs, annotate: annotateAlert }))) ?? null
        report.stageMs.slos = performance.now() - started
        if (report.slos?.transitions)
          this.deps.log.info({ transitions: report.slos.transitions, firing: report.slos.firing }, 'SLO burn-rate alerts: states changed')
      }
      // Every worker's pass plans, whether or not it evaluated anything: alerts another worker changed are planned too.
      if (this.deps.notifications && !shouldStop()) {
        const sender = this.deps.notifications
        const started = performance.now()
        report.notifications = (await this.stage('notifications', () => sender.planNow(now))) ?? null
        report.stageMs.notifications = performance.now() - started
      }
    } finally {
      for (const service of leased) await this.deps.leases.release(service)
    }
    if (report.slow > 0)
      this.deps.log.info(
        { slow: report.slow },
        `latency: ${report.slow} operation${report.slow === 1 ? '' : 's'} slow against ${report.slow === 1 ? 'its' : 'their'} baseline`,
      )
    return report
  }

  /** One stage's run: a failure is logged and retried at the next pass, except a lost database connection. */
  private async stage<T>(service: string, run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await run()
    } catch (error) {
      if (isConnectionError(error)) throw error // the round fails and reports the outage, once
      this.deps.log.warn({ service, err: error }, 'a stage after the sync failed; it will be retried')
      return undefined
    }
  }
}

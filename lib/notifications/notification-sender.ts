// The worker's sending loop: every few seconds it sends what is due from the outbox, and plans again when
// a group's group_wait or group_interval runs out between two evaluation passes (the stages plan after
// every pass: planNow). Its own loop, so a slow receiver never delays the sync or the evaluator.
import { deliverDueNotifications, planAndQueueNotifications, type DeliveryReport, type PlanReport } from './dispatcher'
import { pruneNotifications } from './notifications-repository'

type Log = { info(details: object, message: string): void; warn(details: object, message: string): void }

const TICK_MS = 5_000
/** Delivered and failed notifications, and the delivery log, are kept this long. */
const KEEP_MS = 14 * 86_400_000

export class NotificationSender {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> = Promise.resolve()
  private nextPlanAt = Number.POSITIVE_INFINITY
  private lastPruneAt = 0

  constructor(private readonly deps: { externalUrl: string; log: Log; tickMs?: number }) {}

  start() {
    const tick = () => {
      this.running = this.tick(new Date()).finally(() => {
        if (this.timer !== null) this.timer = setTimeout(tick, this.deps.tickMs ?? TICK_MS)
      })
    }
    this.timer = setTimeout(tick, 0)
  }

  async stop() {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    await this.running
  }

  /** Plans now (after an evaluation pass) and remembers when the next wait runs out. */
  async planNow(now: Date): Promise<PlanReport | null> {
    const report = await planAndQueueNotifications({ now })
    if (report) {
      this.nextPlanAt = report.nextDueAt ?? Number.POSITIVE_INFINITY
      if (report.queued) this.deps.log.info({ queued: report.queued, silenced: report.silenced }, 'notifications queued')
    }
    return report
  }

  private async tick(now: Date): Promise<void> {
    try {
      if (now.getTime() >= this.nextPlanAt) await this.planNow(now)
      const report: DeliveryReport = await deliverDueNotifications({ now, externalUrl: this.deps.externalUrl })
      if (report.retrying || report.failed)
        this.deps.log.warn({ ...report }, `notifications: ${report.retrying} to retry, ${report.failed} given up`)
      else if (report.delivered) this.deps.log.info({ delivered: report.delivered }, 'notifications sent')
      if (now.getTime() - this.lastPruneAt > 3_600_000) {
        this.lastPruneAt = now.getTime()
        await pruneNotifications(new Date(now.getTime() - KEEP_MS))
      }
    } catch (error) {
      this.deps.log.warn({ err: error }, 'sending notifications failed; retrying shortly')
    }
  }
}

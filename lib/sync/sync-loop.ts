// The worker's sync loop: rounds over all services until stopped; a progress line while it backfills.
// A round that fails (Postgres restarting, say) is retried after the interval; the loop itself ends only on stop().
// After each round it hands over to `afterRound` (the worker's later stages, lib/worker/stages.ts):
// the sync itself knows nothing of them.
import type { Env } from '@/lib/env'
import type { JaegerClient } from '@/lib/jaeger/client'
import { DAY_US, HOUR_US, MINUTE_US } from '@/lib/time/time-buckets'
import type { Retention } from './compaction-repository'
import type { DatabaseOutage } from './database-outage'
import type { SyncLeases } from './leases'
import type { SyncContext, SyncSettings } from './sync-service'
import { computeSyncProgress, estimateRemainingMs, type SyncProgress } from './sync-progress'
import { listSyncStates } from './sync-state-repository'
import { runSyncTick, type TickReport } from './sync-tick'

const PROGRESS_EVERY_MS = 10_000

export const retentionFrom = (env: Env): Retention => ({
  minuteUs: env.ROLLUP_MINUTE_RETENTION_HOURS * HOUR_US,
  hourUs: env.ROLLUP_HOUR_RETENTION_DAYS * DAY_US,
  dayUs: env.ROLLUP_DAY_RETENTION_DAYS * DAY_US,
})

export function syncSettingsFrom(env: Env): SyncSettings {
  return {
    backfillUs: env.SYNC_BACKFILL_DAYS * 24 * 60 * MINUTE_US,
    liveFirstUs: env.SYNC_LIVE_FIRST_MINUTES * MINUTE_US,
    settleUs: env.SYNC_SETTLE_SECONDS * 1_000_000,
    windowUs: env.SYNC_WINDOW_MINUTES * MINUTE_US,
    fetch: {
      limit: env.SYNC_SEARCH_DEPTH,
      floorUs: env.SYNC_SPLIT_FLOOR_SECONDS * 1_000_000,
      maxRequests: env.SYNC_MAX_REQUESTS_PER_WINDOW,
    },
    maxWindowsPerTurn: 8,
  }
}

type Log = SyncContext['log'] & { error(details: object, message: string): void }

export class SyncLoop {
  private stopping = false
  private wake: (() => void) | null = null
  private lastProgress: { done: number; atMs: number } | null = null
  private lastProgressLogMs = 0
  private spansSinceStart = 0

  constructor(
    private readonly deps: {
      client: JaegerClient
      leases: SyncLeases
      workerId: string
      log: Log
      /** Where a round that could not reach Postgres is reported (logged once per outage, not per round). */
      outage: DatabaseOutage
      settings: SyncSettings
      intervalMs: number
      /** The stages after the sync, run after every round (they decide themselves whether they are due). */
      afterRound?: (round: { now: Date; shouldStop: () => boolean }) => Promise<unknown>
      now?: () => Date
    },
  ) {}

  /** Rounds until stop(); resolves once the current window is committed (or given up). */
  async run(): Promise<void> {
    const now = this.deps.now ?? (() => new Date())
    while (!this.stopping) {
      let report: TickReport | null = null
      try {
        report = await runSyncTick(
          {
            search: (search) => this.deps.client.searchTraces(search),
            listServices: () => this.deps.client.listServices(),
            leases: this.deps.leases,
            workerId: this.deps.workerId,
            log: this.deps.log,
            now,
            random: Math.random,
            shouldStop: () => this.stopping,
          },
          this.deps.settings,
        )
        await this.logProgress(report, now())
        await this.deps.afterRound?.({ now: now(), shouldStop: () => this.stopping })
        this.deps.outage.reached()
      } catch (error) {
        if (!this.deps.outage.failed(error)) this.deps.log.error({ err: error }, 'sync round failed; trying again after the interval')
      }
      const busy = report?.turns.some((turn) => turn.windows > 0) ?? false
      if (!busy && !this.stopping) await new Promise<void>((resolve) => ((this.wake = resolve), setTimeout(resolve, this.deps.intervalMs)))
    }
  }

  stop(): void {
    this.stopping = true
    this.wake?.()
  }

  private async logProgress(report: TickReport, now: Date) {
    if (report.discovered.length)
      this.deps.log.info({ services: report.discovered }, 'discovered services in Jaeger that are not in the inventory')
    if (report.jaegerError) this.deps.log.warn({ error: report.jaegerError }, 'Jaeger unreachable; services back off and retry')
    this.spansSinceStart += report.turns.reduce((sum, turn) => sum + turn.spans, 0)
    const nowMs = now.getTime()
    if (nowMs - this.lastProgressLogMs < PROGRESS_EVERY_MS) return
    const states = await listSyncStates()
    const progress: SyncProgress = computeSyncProgress(states, {
      nowUs: nowMs * 1000,
      settleUs: this.deps.settings.settleUs,
      windowUs: this.deps.settings.windowUs,
    })
    const remainingMs = this.lastProgress ? estimateRemainingMs(this.lastProgress, { done: progress.done, atMs: nowMs }) : null
    this.lastProgress = { done: progress.done, atMs: nowMs }
    this.lastProgressLogMs = nowMs
    if (progress.caughtUp === progress.services && report.turns.every((turn) => turn.windows === 0)) return
    this.deps.log.info(
      {
        percent: Math.round(progress.done * 1000) / 10,
        caughtUp: `${progress.caughtUp}/${progress.services}`,
        spans: this.spansSinceStart,
        behindMinutes: Math.round(progress.maxLagUs / MINUTE_US),
        etaMinutes: remainingMs === null ? null : Math.ceil(remainingMs / 60_000),
      },
      `sync: ${progress.caughtUp}/${progress.services} services current, history ${(progress.done * 100).toFixed(1)} % read${remainingMs === null ? '' : `, about ${Math.ceil(remainingMs / 60_000)} min to go`}`,
    )
  }
}

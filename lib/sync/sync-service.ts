// One turn of the sync on one service (its lease held by the caller): read the windows from its
// watermark towards now − settle, commit each, stop at the first failure and back off.
import type { SearchResult, TraceSearch } from '@/lib/jaeger/client'
import { computeBackoffMs, SERVICE_BACKOFF } from '@/lib/retry/backoff'
import { commitWindow, WindowConflictError, type Cursor } from './commit-window'
import { isConnectionError } from './connection-error'
import { planWindows, type SyncWindow } from './plan-windows'
import { runWindow, type WindowFetchOptions } from './run-window'
import { findSyncState, saveSyncFailure } from './sync-state-repository'
import { toMicros } from '@/lib/time/micros'

export type SyncSettings = {
  backfillUs: number
  /** A new service's last stretch (before now − settle) is read first; history fills in behind it. */
  liveFirstUs: number
  settleUs: number
  windowUs: number
  fetch: WindowFetchOptions
  /** Windows per turn before the next service gets its turn (fairness during a backfill). */
  maxWindowsPerTurn: number
}

type Log = { info(details: object, message: string): void; warn(details: object, message: string): void }

export type SyncContext = {
  search: (search: TraceSearch) => Promise<SearchResult>
  workerId: string
  log: Log
  now: () => Date
  random: () => number
  shouldStop: () => boolean
}

export type ServiceTurn = { service: string; windows: number; spans: number; requests: number; failure: string | null; conflict: boolean }

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error))

export async function syncServiceTurn(service: string, context: SyncContext, settings: SyncSettings): Promise<ServiceTurn> {
  const turn: ServiceTurn = { service, windows: 0, spans: 0, requests: 0, failure: null, conflict: false }
  const state = await findSyncState(service) // read again under the lease: another worker may have moved it
  const now = context.now()
  if (!state || (state.nextAttemptAt && state.nextAttemptAt > now)) return turn
  // Recent data first (the live range, while there is one), then history up to where it begins.
  const plan = { nowUs: toMicros(now), settleUs: settings.settleUs, windowUs: settings.windowUs, maxWindows: settings.maxWindowsPerTurn }
  const windows: { window: SyncWindow; cursor: Cursor }[] = [
    ...(state.liveFrom && state.liveWatermark
      ? planWindows({ ...plan, watermarkUs: toMicros(state.liveWatermark) }).map((window) => ({ window, cursor: 'live' as const }))
      : []),
    ...planWindows({ ...plan, watermarkUs: toMicros(state.watermark), untilUs: state.liveFrom ? toMicros(state.liveFrom) : undefined }).map(
      (window) => ({ window, cursor: 'backfill' as const }),
    ),
  ].slice(0, settings.maxWindowsPerTurn)
  for (const { window, cursor } of windows) {
    if (context.shouldStop()) break
    const started = performance.now()
    try {
      const result = await runWindow(context.search, service, window, settings.fetch)
      await commitWindow({
        service,
        window,
        cursor,
        result,
        workerId: context.workerId,
        durationMs: Math.round(performance.now() - started),
        now: context.now(),
      })
      turn.windows++
      turn.spans += result.rollups.spans
      turn.requests += result.requests
      if (result.rejectedRecords > 0) {
        context.log.warn(
          { service, endpoint: '/api/v3/traces or /api/traces', rejected: result.rejectedRecords, examples: result.rejectedExamples },
          'skipped records that failed validation',
        )
      }
      if (result.extrapolation > 1)
        context.log.warn(
          { service, extrapolation: Number(result.extrapolation.toFixed(2)) },
          'window too busy to read whole: counts are estimates',
        )
    } catch (error) {
      if (error instanceof WindowConflictError) {
        turn.conflict = true
        break
      }
      // The database, not Jaeger or this service, failed: no backoff is recorded; the round fails and
      // the window is redone once Postgres answers (or found committed, if its commit got through).
      if (isConnectionError(error)) throw error
      turn.failure = describe(error)
      const failedAt = context.now()
      const nextAttemptAt = new Date(failedAt.getTime() + computeBackoffMs(state.consecutiveFailures, SERVICE_BACKOFF, context.random))
      await saveSyncFailure(service, { error: turn.failure, now: failedAt, nextAttemptAt })
      context.log.warn({ service, error: turn.failure, retryAt: nextAttemptAt.toISOString() }, 'sync failed; backing off')
      break
    }
  }
  return turn
}

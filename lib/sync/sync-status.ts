// What the sync status page says about one service. Pure.
import type { z } from 'zod'
import type { syncHealthSchema, syncStatusSchema } from './schemas'

export type SyncStatusInput = {
  service: string
  origin: 'inventory' | 'discovered'
  watermark: Date | null
  backfillFrom: Date | null
  liveFrom: Date | null
  liveWatermark: Date | null
  lastSuccessAt: Date | null
  lastError: string | null
  lastErrorAt: Date | null
  nextAttemptAt: Date | null
  /** Spans committed in windows ending in the last hour of the watermark, and the minutes those windows cover. */
  recentSpans: number
  recentMinutes: number
}

export type SyncHealth = z.infer<typeof syncHealthSchema>
/** `dataAsOf`: the data is complete up to here. */
export type SyncStatus = z.infer<typeof syncStatusSchema>

export function computeSyncStatus(
  input: SyncStatusInput,
  { now, settleMs, windowMs }: { now: Date; settleMs: number; windowMs: number },
): SyncStatus {
  const base = {
    service: input.service,
    origin: input.origin,
    lastError: input.lastError,
    lastErrorAt: input.lastErrorAt?.toISOString() ?? null,
    retryAt: input.nextAttemptAt?.toISOString() ?? null,
  }
  if (!input.watermark || !input.backfillFrom) {
    return { ...base, health: 'not-in-jaeger', dataAsOf: null, lagSeconds: null, backfillPercent: null, spansPerMinute: null }
  }
  const horizonMs = now.getTime() - settleMs
  const current = input.liveWatermark ?? input.watermark
  const lagMs = Math.max(0, horizonMs - current.getTime())
  // History: from backfillFrom up to where the live range begins (or the horizon once merged).
  const historyEndMs = input.liveFrom ? input.liveFrom.getTime() : horizonMs
  const historyMs = historyEndMs - input.backfillFrom.getTime()
  const backfillPercent =
    historyMs <= 0 ? 100 : Math.min(100, Math.round(((input.watermark.getTime() - input.backfillFrom.getTime()) / historyMs) * 1000) / 10)
  const failing =
    input.lastError !== null && (!input.lastSuccessAt || (input.lastErrorAt !== null && input.lastErrorAt > input.lastSuccessAt))
  const health: SyncHealth = failing ? 'failing' : lagMs > windowMs ? 'catching-up' : input.liveFrom ? 'backfilling' : 'caught-up'
  return {
    ...base,
    health,
    dataAsOf: current.toISOString(),
    lagSeconds: Math.round(lagMs / 1000),
    backfillPercent,
    spansPerMinute: input.recentMinutes > 0 ? Math.round((input.recentSpans / input.recentMinutes) * 10) / 10 : null,
  }
}

const ORDER: Record<SyncHealth, number> = { failing: 0, 'catching-up': 1, backfilling: 2, 'caught-up': 3, 'not-in-jaeger': 4 }

/** Failing first, then the most behind; services Jaeger has not seen last. */
export const compareSyncStatus = (a: SyncStatus, b: SyncStatus) =>
  ORDER[a.health] - ORDER[b.health] || (b.lagSeconds ?? 0) - (a.lagSeconds ?? 0) || a.service.localeCompare(b.service)

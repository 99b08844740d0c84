// The sync status of every service: inventory and discovered, with or without a sync state yet.
import { db } from '@/lib/db/client'
import { env } from '@/lib/env'
import { MINUTE_US } from '@/lib/time/time-buckets'
import type { SyncStatusResponse } from './schemas'
import { compareSyncStatus, computeSyncStatus, type SyncStatusInput } from './sync-status'
import { computeSyncProgress } from './sync-progress'
import { toMicros } from '@/lib/time/micros'

type Row = {
  service: string
  origin: 'inventory' | 'discovered'
  watermark: Date | null
  backfill_from: Date | null
  live_from: Date | null
  live_watermark: Date | null
  last_success_at: Date | null
  last_error: string | null
  last_error_at: Date | null
  next_attempt_at: Date | null
  recent_spans: number
  recent_minutes: number
}

export async function getSyncStatus(now = new Date()): Promise<SyncStatusResponse> {
  const { SYNC_SETTLE_SECONDS, SYNC_WINDOW_MINUTES } = env()
  // spans/min: what the windows of the watermark's last hour committed, over the minutes they cover.
  const rows = await db.$queryRaw<Row[]>`
    SELECT s.name AS service, s.origin::text AS origin, st.watermark, st.backfill_from, st.live_from, st.live_watermark, st.last_success_at,
           st.last_error, st.last_error_at, st.next_attempt_at,
           COALESCE(w.spans, 0)::int AS recent_spans, COALESCE(w.minutes, 0)::float8 AS recent_minutes
    FROM services s
    LEFT JOIN sync_state st ON st.service_name = s.name
    LEFT JOIN LATERAL (
      SELECT sum(sw.spans) AS spans, sum(extract(epoch FROM sw.window_end - sw.window_start) / 60) AS minutes
      FROM sync_windows sw
      WHERE sw.service = s.name AND sw.window_end > coalesce(st.live_watermark, st.watermark) - interval '1 hour'
    ) w ON true`
  const options = { now, settleMs: SYNC_SETTLE_SECONDS * 1000, windowMs: SYNC_WINDOW_MINUTES * 60_000 }
  const services = rows
    .map((row) =>
      computeSyncStatus(
        {
          service: row.service,
          origin: row.origin,
          watermark: row.watermark,
          backfillFrom: row.backfill_from,
          liveFrom: row.live_from,
          liveWatermark: row.live_watermark,
          lastSuccessAt: row.last_success_at,
          lastError: row.last_error,
          lastErrorAt: row.last_error_at,
          nextAttemptAt: row.next_attempt_at,
          recentSpans: row.recent_spans,
          recentMinutes: row.recent_minutes,
        } satisfies SyncStatusInput,
        options,
      ),
    )
    .sort(compareSyncStatus)
  const synced = rows
    .filter((row) => row.watermark && row.backfill_from)
    .map((row) => ({
      serviceName: row.service,
      watermark: row.watermark!,
      backfillFrom: row.backfill_from!,
      liveFrom: row.live_from,
      liveWatermark: row.live_watermark,
    }))
  const progress = computeSyncProgress(synced, {
    nowUs: toMicros(now),
    settleUs: SYNC_SETTLE_SECONDS * 1_000_000,
    windowUs: SYNC_WINDOW_MINUTES * MINUTE_US,
  })
  return {
    generatedAt: now.toISOString(),
    backfillPercent: Math.round(progress.done * 1000) / 10,
    caughtUp: progress.caughtUp,
    synced: progress.services,
    services,
  }
}

// Commits one window: its rollups, its log row and the advance of its cursor, in one transaction.
// The cursor (the watermark, or the live watermark while history backfills below the live range)
// moves only from this window's start to its end (compare-and-set), so a worker that crashed before
// committing leaves nothing and the window is redone, and a second commit of the same window —
// another worker, a retry — finds the cursor moved and writes nothing. A backfill window that ends
// where the live range begins merges the two ranges in the same transaction.
import { db } from '@/lib/db/client'
import type { SyncWindow } from './plan-windows'
import type { WindowResult } from './run-window'
import { fromMicros } from '@/lib/time/micros'
import { versionRowsToStore, versionsSeen } from '@/lib/metrics/version-rollup'

/** The watermark was not at this window's start: someone else committed it (or the plan was stale). */
export class WindowConflictError extends Error {
  override name = 'WindowConflictError'
}

export type Cursor = 'backfill' | 'live'

export async function commitWindow({
  service,
  window,
  cursor = 'backfill',
  result,
  workerId,
  durationMs,
  now = new Date(),
}: {
  service: string
  window: SyncWindow
  cursor?: Cursor
  result: WindowResult
  workerId: string
  durationMs: number
  now?: Date
}): Promise<void> {
  await db.$transaction(async (tx) => {
    const success = { lastSuccessAt: now, lastError: null, consecutiveFailures: 0, nextAttemptAt: null }
    const advanced =
      cursor === 'live'
        ? await tx.syncState.updateMany({
            where: { serviceName: service, liveWatermark: fromMicros(window.startUs) },
            data: { liveWatermark: fromMicros(window.endUs), ...success },
          })
        : await tx.syncState.updateMany({
            where: { serviceName: service, watermark: fromMicros(window.startUs) },
            data: { watermark: fromMicros(window.endUs), ...success },
          })
    if (advanced.count !== 1)
      throw new WindowConflictError(`${service}: the ${cursor} cursor is no longer at ${fromMicros(window.startUs).toISOString()}`)
    // History has reached the live range: one contiguous range from here on.
    await tx.$executeRaw`UPDATE sync_state SET watermark = live_watermark, live_from = NULL, live_watermark = NULL WHERE service_name = ${service} AND live_from IS NOT NULL AND watermark = live_from`
    const { spanRollups, serviceRollups } = result.rollups
    if (spanRollups.length) {
      await tx.spanRollup.createMany({
        data: spanRollups.map(({ bucketStartUs, histogram, ...rollup }) => ({
          ...rollup,
          service,
          resolution: 'minute' as const,
          bucketStart: fromMicros(bucketStartUs),
          histogram: Uint8Array.from(histogram.encode()),
        })),
      })
    }
    if (serviceRollups.length) {
      await tx.serviceRollup.createMany({
        data: serviceRollups.map(({ bucketStartUs, entryHistogram, ...rollup }) => ({
          ...rollup,
          entryHistogram: entryHistogram.count > 0 ? Uint8Array.from(entryHistogram.encode()) : null,
          service,
          resolution: 'minute' as const,
          bucketStart: fromMicros(bucketStartUs),
        })),
      })
    }
    const { versionRollups, versionOperationRollups } = versionRowsToStore(result.rollups)
    if (versionRollups.length) {
      await tx.versionRollup.createMany({
        data: versionRollups.map(({ bucketStartUs, entryHistogram, ...rollup }) => ({
          ...rollup,
          entryHistogram: entryHistogram && Uint8Array.from(entryHistogram.encode()),
          service,
          resolution: 'minute' as const,
          bucketStart: fromMicros(bucketStartUs),
        })),
      })
    }
    if (versionOperationRollups.length) {
      await tx.versionOperationRollup.createMany({
        data: versionOperationRollups.map(({ bucketStartUs, histogram, ...rollup }) => ({
          ...rollup,
          service,
          resolution: 'minute' as const,
          bucketStart: fromMicros(bucketStartUs),
          histogram: Uint8Array.from(histogram.encode()),
        })),
      })
    }
    for (const seen of versionsSeen(versionRollups)) {
      await tx.$executeRaw`
        INSERT INTO service_versions (service, version, first_seen, last_seen, spans)
        VALUES (${service}, ${seen.version}, ${fromMicros(seen.firstSeenUs)}, ${fromMicros(seen.lastSeenUs)}, ${seen.spans})
        ON CONFLICT (service, version) DO UPDATE SET
          spans = service_versions.spans + EXCLUDED.spans,
          first_seen = LEAST(service_versions.first_seen, EXCLUDED.first_seen),
          last_seen = GREATEST(service_versions.last_seen, EXCLUDED.last_seen)`
    }
    for (const edge of result.rollups.callers) {
      await tx.$executeRaw`
        INSERT INTO service_dependencies (caller, callee, calls, errors, first_seen, last_seen)
        VALUES (${edge.caller}, ${service}, ${edge.calls}, ${edge.errors}, ${fromMicros(edge.firstSeenUs)}, ${fromMicros(edge.lastSeenUs)})
        ON CONFLICT (caller, callee) DO UPDATE SET
          calls = service_dependencies.calls + EXCLUDED.calls,
          errors = service_dependencies.errors + EXCLUDED.errors,
          first_seen = LEAST(service_dependencies.first_seen, EXCLUDED.first_seen),
          last_seen = GREATEST(service_dependencies.last_seen, EXCLUDED.last_seen)`
    }
    await tx.syncWindow.create({
      data: {
        service,
        windowStart: fromMicros(window.startUs),
        windowEnd: fromMicros(window.endUs),
        committedAt: now,
        workerId,
        requests: result.requests,
        traces: result.traces,
        spans: result.rollups.spans,
        rejectedRecords: result.rejectedRecords,
        extrapolation: result.extrapolation,
        durationMs,
      },
    })
  })
}

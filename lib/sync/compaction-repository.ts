// Compaction and retention of one service's rollups, in one transaction with its sync state locked:
// minutes → hours for every complete hour below the watermark, hours → days likewise, the marks
// advanced with them, then finer rows past their retention deleted — only where a coarser row
// already covers them, so no span ever drops out of the store.
import { db, type Prisma } from '@/lib/db/client'
import {
  compactServiceRollups,
  compactSpanRollups,
  compactVersionOperationRollups,
  compactVersionRollups,
  type StoredServiceRollup,
  type StoredSpanRollup,
} from '@/lib/metrics/compact-rollups'
import { DAY_US, floorTo, HOUR_US } from '@/lib/time/time-buckets'
import { fromMicros, toMicros } from '@/lib/time/micros'

type Tx = Prisma.TransactionClient
type Resolution = 'minute' | 'hour' | 'day'

export type Retention = { minuteUs: number; hourUs: number; dayUs: number }
export type CompactionReport = { hours: number; days: number; deletedRows: number }

/** Rows of `from` resolution in [startUs, startUs + bucketUs) merged into one bucket of `to`. Returns whether any existed. */
async function compactBucket(
  tx: Tx,
  service: string,
  from: Resolution,
  to: Resolution,
  startUs: number,
  bucketUs: number,
): Promise<boolean> {
  const range = { service, resolution: from, bucketStart: { gte: fromMicros(startUs), lt: fromMicros(startUs + bucketUs) } }
  const spanRows = await tx.spanRollup.findMany({ where: range })
  const serviceRows = await tx.serviceRollup.findMany({ where: range })
  if (spanRows.length === 0 && serviceRows.length === 0) return false
  const stored: StoredSpanRollup[] = spanRows.map(({ service: _s, resolution: _r, bucketStart: _b, ...row }) => row)
  await tx.spanRollup.createMany({
    data: compactSpanRollups(stored).map((row) => ({
      ...row,
      histogram: Uint8Array.from(row.histogram),
      service,
      resolution: to,
      bucketStart: fromMicros(startUs),
    })),
  })
  const total = compactServiceRollups(
    serviceRows.map(({ service: _s, resolution: _r, bucketStart: _b, ...row }): StoredServiceRollup => row),
  )
  if (total)
    await tx.serviceRollup.create({
      data: {
        ...total,
        entryHistogram: total.entryHistogram && Uint8Array.from(total.entryHistogram),
        service,
        resolution: to,
        bucketStart: fromMicros(startUs),
      },
    })
  await compactVersionBucket(tx, range, { service, resolution: to, bucketStart: fromMicros(startUs) }, serviceRows)
  return true
}

/** The version rows of one bucket of `to`, from the same range of finer rows (lib/metrics/version-rollup.ts). */
async function compactVersionBucket(
  tx: Tx,
  range: Prisma.VersionRollupWhereInput & Prisma.VersionOperationRollupWhereInput,
  into: { service: string; resolution: Resolution; bucketStart: Date },
  serviceRows: readonly { bucketStart: Date; entryHistogram: Uint8Array | null }[],
): Promise<void> {
  const versionRows = await tx.versionRollup.findMany({ where: range })
  if (versionRows.length === 0) return
  const serviceHistograms = new Map(serviceRows.map((row) => [toMicros(row.bucketStart), row.entryHistogram]))
  const versions = compactVersionRollups(
    versionRows.map(({ service: _s, resolution: _r, bucketStart, ...row }) => ({ ...row, bucketStartUs: toMicros(bucketStart) })),
    serviceHistograms,
  )
  await tx.versionRollup.createMany({
    data: versions.map((row) => ({ ...row, entryHistogram: row.entryHistogram && Uint8Array.from(row.entryHistogram), ...into })),
  })
  const operationRows = await tx.versionOperationRollup.findMany({ where: range })
  if (operationRows.length === 0) return
  await tx.versionOperationRollup.createMany({
    data: compactVersionOperationRollups(operationRows.map(({ service: _s, resolution: _r, bucketStart: _b, ...row }) => row)).map(
      (row) => ({ ...row, histogram: Uint8Array.from(row.histogram), ...into }),
    ),
  })
}

/**
 * Builds up to `maxBuckets` hours and days for `service` (the rest on the next call) and applies
 * retention. Idempotent: marks advance in the same transaction as the rows they promise.
 */
export async function compactService(
  service: string,
  { now, retention, maxBuckets = 72 }: { now: Date; retention: Retention; maxBuckets?: number },
): Promise<CompactionReport> {
  return db.$transaction(
    async (tx) => {
      const [state] = await tx.$queryRaw<
        { watermark: Date; backfill_from: Date; hours_compacted_to: Date | null; days_compacted_to: Date | null }[]
      >`
        SELECT watermark, backfill_from, hours_compacted_to, days_compacted_to FROM sync_state WHERE service_name = ${service} FOR UPDATE`
      if (!state) return { hours: 0, days: 0, deletedRows: 0 }
      const report: CompactionReport = { hours: 0, days: 0, deletedRows: 0 }
      let budget = maxBuckets

      let hoursTo = state.hours_compacted_to ? toMicros(state.hours_compacted_to) : floorTo(toMicros(state.backfill_from), HOUR_US)
      const hoursLimit = floorTo(toMicros(state.watermark), HOUR_US)
      for (; hoursTo + HOUR_US <= hoursLimit && budget > 0; hoursTo += HOUR_US, budget--) {
        if (await compactBucket(tx, service, 'minute', 'hour', hoursTo, HOUR_US)) report.hours++
      }
      let daysTo = state.days_compacted_to ? toMicros(state.days_compacted_to) : floorTo(toMicros(state.backfill_from), DAY_US)
      const daysLimit = floorTo(hoursTo, DAY_US)
      for (; daysTo + DAY_US <= daysLimit && budget > 0; daysTo += DAY_US, budget--) {
        if (await compactBucket(tx, service, 'hour', 'day', daysTo, DAY_US)) report.days++
      }
      await tx.syncState.update({
        where: { serviceName: service },
        data: { hoursCompactedTo: fromMicros(hoursTo), daysCompactedTo: fromMicros(daysTo) },
      })

      // Retention: a finer row goes only once it is past its retention and covered by the coarser level.
      const nowUs = toMicros(now)
      const cutoffs: [Resolution, number][] = [
        ['minute', Math.min(nowUs - retention.minuteUs, hoursTo)],
        ['hour', Math.min(nowUs - retention.hourUs, daysTo)],
        ['day', nowUs - retention.dayUs],
      ]
      for (const [resolution, cutoffUs] of cutoffs) {
        const where = { service, resolution, bucketStart: { lt: fromMicros(cutoffUs) } }
        report.deletedRows +=
          (await tx.spanRollup.deleteMany({ where })).count +
          (await tx.serviceRollup.deleteMany({ where })).count +
          (await tx.versionRollup.deleteMany({ where })).count +
          (await tx.versionOperationRollup.deleteMany({ where })).count
      }
      await tx.syncWindow.deleteMany({ where: { service, windowEnd: { lt: fromMicros(nowUs - retention.minuteUs) } } })
      return report
    },
    { timeout: 60_000 },
  )
}

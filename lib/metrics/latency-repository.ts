// Latency of a service (or one operation) over any range: the rollup rows planRollupReads picks,
// their counts summed and their histograms merged — percentiles from merged histograms, never from
// averaged percentiles.
import { db, Prisma } from '@/lib/db/client'
import { env } from '@/lib/env'
import { LatencyHistogram } from './histogram'
import { planRollupReads, type ReadSegment } from './plan-reads'

export type LatencyQuery = { service: string; operation?: string; spanKind?: string; startUs: number; endUs: number }

export type LatencySummary = {
  spanCount: number
  errorCount: number
  /** Extrapolated by sampling: say "estimated" when showing these. */
  estimatedSpanCount: number
  estimatedErrorCount: number
  durationMaxUs: number
  /** null when no span fell in the range. */
  p50Us: number | null
  p95Us: number | null
  p99Us: number | null
  /** The read plan, for "data as of" and for tests. */
  segments: ReadSegment[]
}

type Row = { histogram: Uint8Array; span_count: number; error_count: number; estimated_span_count: number; estimated_error_count: number; duration_max_us: number }

const at = (us: number) => new Date(us / 1000)

export async function getLatencySummary(query: LatencyQuery, now = new Date()): Promise<LatencySummary> {
  const state = await db.syncState.findUnique({ where: { serviceName: query.service }, select: { hoursCompactedTo: true, daysCompactedTo: true } })
  const { ROLLUP_MINUTE_RETENTION_HOURS, ROLLUP_HOUR_RETENTION_DAYS } = env()
  const nowUs = now.getTime() * 1000
  const segments = planRollupReads(query.startUs, query.endUs, {
    hoursCompactedToUs: state?.hoursCompactedTo ? state.hoursCompactedTo.getTime() * 1000 : null,
    daysCompactedToUs: state?.daysCompactedTo ? state.daysCompactedTo.getTime() * 1000 : null,
    minutesFromUs: nowUs - ROLLUP_MINUTE_RETENTION_HOURS * 3_600_000_000,
    hoursFromUs: nowUs - ROLLUP_HOUR_RETENTION_DAYS * 86_400_000_000,
  })
  const ranges = Prisma.join(
    segments.map((s) => Prisma.sql`(resolution = ${s.resolution}::"RollupResolution" AND bucket_start >= ${at(s.startUs)} AND bucket_start < ${at(s.endUs)})`),
    ' OR ',
  )
  const rows = await db.$queryRaw<Row[]>`
    SELECT histogram, span_count, error_count, estimated_span_count, estimated_error_count, duration_max_us
    FROM span_rollups
    WHERE service = ${query.service} AND (${ranges})
      ${query.operation === undefined ? Prisma.empty : Prisma.sql`AND operation = ${query.operation}`}
      ${query.spanKind === undefined ? Prisma.empty : Prisma.sql`AND span_kind = ${query.spanKind}`}`
  const summary = { spanCount: 0, errorCount: 0, estimatedSpanCount: 0, estimatedErrorCount: 0, durationMaxUs: 0 }
  for (const row of rows) {
    summary.spanCount += row.span_count
    summary.errorCount += row.error_count
    summary.estimatedSpanCount += row.estimated_span_count
    summary.estimatedErrorCount += row.estimated_error_count
    summary.durationMaxUs = Math.max(summary.durationMaxUs, row.duration_max_us)
  }
  const histogram = LatencyHistogram.mergeEncoded(rows.map((row) => row.histogram))
  return { ...summary, p50Us: histogram.quantile(0.5), p95Us: histogram.quantile(0.95), p99Us: histogram.quantile(0.99), segments }
}

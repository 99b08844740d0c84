// Latency over any range as one figure (no series): the rollup rows planRollupReads picks, their
// counts summed and their histograms merged — percentiles from merged histograms, never from averaged
// percentiles. Read by the percentiles bench and the compaction tests (same answer before and after).
//   getServiceLatency   a service's entry spans (server, consumer): one row per bucket
//   getRangeLatency   spans of one operation (or all of a service's spans), from per-operation rows
import { db, Prisma } from '@/lib/db/client'
import { LatencyHistogram } from '@/lib/metrics/histogram'
import type { ReadSegment } from '@/lib/metrics/plan-reads'
import { readPlans } from './read-plan-repository'

export type RangeLatencyQuery = { service: string; operation?: string; spanKind?: string; startUs: number; endUs: number }

export type RangeLatency = {
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

type Row = {
  histogram: Uint8Array
  span_count: number
  error_count: number
  estimated_span_count: number
  estimated_error_count: number
  duration_max_us: number
}

async function readPlan(service: string, startUs: number, endUs: number, now: Date) {
  const plan = (await readPlans([service], startUs, endUs, { now })).get(service)!
  return { segments: plan.segments, ranges: plan.sql }
}

export async function getRangeLatency(query: RangeLatencyQuery, now = new Date()): Promise<RangeLatency> {
  const { segments, ranges } = await readPlan(query.service, query.startUs, query.endUs, now)
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

type EntryRow = {
  entry_histogram: Uint8Array | null
  entry_spans: number
  entry_errors: number
  entry_estimated_spans: number
  entry_estimated_errors: number
}

/** A service's RED latency: its entry spans (server, consumer) over [startUs, endUs). */
export async function getServiceLatency(
  { service, startUs, endUs }: Omit<RangeLatencyQuery, 'operation' | 'spanKind'>,
  now = new Date(),
): Promise<Omit<RangeLatency, 'durationMaxUs'>> {
  const { segments, ranges } = await readPlan(service, startUs, endUs, now)
  const rows = await db.$queryRaw<EntryRow[]>`
    SELECT entry_histogram, entry_spans, entry_errors, entry_estimated_spans, entry_estimated_errors
    FROM service_rollups WHERE service = ${service} AND (${ranges})`
  const histogram = LatencyHistogram.mergeEncoded(rows.flatMap((row) => (row.entry_histogram ? [row.entry_histogram] : [])))
  return {
    spanCount: rows.reduce((sum, row) => sum + row.entry_spans, 0),
    errorCount: rows.reduce((sum, row) => sum + row.entry_errors, 0),
    estimatedSpanCount: rows.reduce((sum, row) => sum + row.entry_estimated_spans, 0),
    estimatedErrorCount: rows.reduce((sum, row) => sum + row.entry_estimated_errors, 0),
    p50Us: histogram.quantile(0.5),
    p95Us: histogram.quantile(0.95),
    p99Us: histogram.quantile(0.99),
    segments,
  }
}

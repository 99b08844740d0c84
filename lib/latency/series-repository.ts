// The latency reads pages make: a service's entry spans or one operation, as chart points or summed
// over a range; every operation of a service; every service at once for the services list.
import { db, Prisma } from '@/lib/db/client'
import { readPlans, servicesSql } from './read-plan-repository'
import {
  computeSeries,
  QUALITY_FIELDS,
  sumQualityTotals,
  summarizeRows,
  type LatencyStats,
  type QualityTotals,
  type SeriesPoint,
  type SeriesRow,
} from '@/lib/metrics/series'
import { toMicros } from '@/lib/time/micros'
import { operationKey } from '@/lib/metrics/operation-key'

export type Range = { startUs: number; endUs: number; stepUs: number }

type EntryRow = {
  service: string
  bucket_start: Date
  entry_spans: number
  entry_errors: number
  entry_estimated_spans: number
  entry_estimated_errors: number
  entry_histogram: Uint8Array | null
}
type SpanRow = {
  operation: string
  span_kind: string
  bucket_start: Date
  span_count: number
  error_count: number
  estimated_span_count: number
  estimated_error_count: number
  histogram: Uint8Array
}

const entrySeriesRow = (row: EntryRow): SeriesRow => ({
  bucketStartUs: toMicros(row.bucket_start),
  count: row.entry_spans,
  errors: row.entry_errors,
  estimatedCount: row.entry_estimated_spans,
  estimatedErrors: row.entry_estimated_errors,
  histogram: row.entry_histogram,
})
const spanSeriesRow = (row: SpanRow): SeriesRow => ({
  bucketStartUs: toMicros(row.bucket_start),
  count: row.span_count,
  errors: row.error_count,
  estimatedCount: row.estimated_span_count,
  estimatedErrors: row.estimated_error_count,
  histogram: row.histogram,
})

export type ReadOptions = { now?: Date; maxBucketUs?: number }

/** A service's entry-span rows (server, consumer) over [startUs, endUs): the service's own RED latency. */
export async function listEntryRows(
  service: string,
  startUs: number,
  endUs: number,
  { now = new Date(), maxBucketUs }: ReadOptions = {},
): Promise<SeriesRow[]> {
  const plans = await readPlans([service], startUs, endUs, { now, maxBucketUs })
  const rows = await db.$queryRaw<EntryRow[]>`
    SELECT service, bucket_start, entry_spans, entry_errors, entry_estimated_spans, entry_estimated_errors, entry_histogram
    FROM service_rollups WHERE ${servicesSql(plans)}`
  return rows.map(entrySeriesRow)
}

export type OperationRows = { operation: string; spanKind: string; rows: SeriesRow[] }

/** A service's per-operation rows over [startUs, endUs), grouped by (operation, span kind); one operation when given. */
export async function listOperationRows(
  service: string,
  startUs: number,
  endUs: number,
  { now = new Date(), maxBucketUs, operation, spanKind }: ReadOptions & { operation?: string; spanKind?: string | null } = {},
): Promise<OperationRows[]> {
  const plans = await readPlans([service], startUs, endUs, { now, maxBucketUs })
  const rows = await db.$queryRaw<SpanRow[]>`
    SELECT operation, span_kind, bucket_start, span_count, error_count, estimated_span_count, estimated_error_count, histogram
    FROM span_rollups WHERE (${servicesSql(plans)})
      ${operation === undefined ? Prisma.empty : Prisma.sql`AND operation = ${operation}`}
      ${spanKind === undefined || spanKind === null ? Prisma.empty : Prisma.sql`AND span_kind = ${spanKind}`}`
  const groups = new Map<string, OperationRows>()
  for (const row of rows) {
    const key = operationKey(row.operation, row.span_kind)
    let group = groups.get(key)
    if (!group) groups.set(key, (group = { operation: row.operation, spanKind: row.span_kind, rows: [] }))
    group.rows.push(spanSeriesRow(row))
  }
  return [...groups.values()]
}

/** A service's entry spans as chart points. */
export async function getServiceSeries(service: string, range: Range, now = new Date()): Promise<SeriesPoint[]> {
  return computeSeries(await listEntryRows(service, range.startUs, range.endUs, { now, maxBucketUs: range.stepUs }), range)
}

/** One operation (of one span kind, or all kinds) as chart points. */
export async function getOperationSeries(
  service: string,
  operation: string,
  spanKind: string | null,
  range: Range,
  now = new Date(),
): Promise<SeriesPoint[]> {
  const groups = await listOperationRows(service, range.startUs, range.endUs, { now, maxBucketUs: range.stepUs, operation, spanKind })
  return computeSeries(
    groups.flatMap((group) => group.rows),
    range,
  )
}

export type OperationStats = { operation: string; spanKind: string; stats: LatencyStats }

/** Every (operation, span kind) of a service over [startUs, endUs), from the coarsest rows available. */
export async function listOperationStats(service: string, startUs: number, endUs: number, now = new Date()): Promise<OperationStats[]> {
  const groups = await listOperationRows(service, startUs, endUs, { now })
  return groups.map(({ operation, spanKind, rows }) => ({ operation, spanKind, stats: summarizeRows(rows) }))
}

export type ServiceStats = { service: string; stats: LatencyStats; series: SeriesPoint[]; quality: QualityTotals }

type ServiceRow = EntryRow & QualityTotals

/** The quality columns, named as QualityTotals names them (fixed identifiers, not input). */
const QUALITY_COLUMNS = Prisma.raw(
  QUALITY_FIELDS.map((field) => `${field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)} AS "${field}"`).join(', '),
)

/**
 * Every given service over the range: entry-span stats, chart points and quality/coverage totals.
 * One query. The points may be coarser than the range's step (`seriesRange`, covering the range):
 * rows are then read at up to that coarser resolution.
 */
export async function listServiceStats(
  services: readonly string[],
  range: Range,
  now = new Date(),
  seriesRange: Range = range,
): Promise<ServiceStats[]> {
  const plans = await readPlans(services, range.startUs, range.endUs, { now, maxBucketUs: seriesRange.stepUs })
  const rows = await db.$queryRaw<ServiceRow[]>`
    SELECT service, bucket_start, entry_spans, entry_errors, entry_estimated_spans, entry_estimated_errors, entry_histogram, ${QUALITY_COLUMNS}
    FROM service_rollups WHERE ${servicesSql(plans)}`
  const byService = new Map<string, ServiceRow[]>(services.map((service) => [service, []]))
  for (const row of rows) byService.get(row.service)?.push(row)
  return [...byService].map(([service, serviceRows]) => {
    const seriesRows = serviceRows.map(entrySeriesRow)
    return {
      service,
      stats: summarizeRows(seriesRows),
      series: computeSeries(seriesRows, seriesRange),
      quality: sumQualityTotals(serviceRows),
    }
  })
}

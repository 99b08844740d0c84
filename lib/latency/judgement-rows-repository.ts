// The rollup rows the latency judgement reads, for many services in one query per table: each service
// over a range of its own (services stand at different watermarks), planned over its compaction marks
// as every latency read is, so each span counts once. Each segment is read by its own index scan
// (LATERAL, fenced by OFFSET 0): joined plainly, Postgres bitmap-scans and rechecks them, 3× slower on
// a 10-million-row store.
import { db, Prisma } from '@/lib/db/client'
import { operationKey } from '@/lib/metrics/operation-key'
import { fromMicros } from '@/lib/time/micros'
import type { HistoryRow } from './hourly-history'
import { readPlansByService } from './read-plan-repository'
import { SERVICE_LEVEL } from './stored-verdicts-repository'

/** The key of a service's own series (its entry spans) among its operations'. */
export const ENTRY_SERIES_KEY = operationKey(SERVICE_LEVEL.operation, SERVICE_LEVEL.spanKind)

/** Where each service's judgement stands: its current watermark (the live cursor while history backfills) and baseline window. */
export type JudgementTarget = {
  service: string
  watermark: Date
  liveFrom: Date | null
  backfillFrom: Date
  liveWatermark: Date | null
  baselineWindowDays: number | null
}

export async function listJudgementTargets(services: readonly string[]): Promise<JudgementTarget[]> {
  const states = await db.syncState.findMany({
    where: { serviceName: { in: [...services] } },
    select: {
      serviceName: true,
      watermark: true,
      backfillFrom: true,
      liveFrom: true,
      liveWatermark: true,
      service: { select: { baselineWindowDays: true } },
    },
  })
  return states.map(({ serviceName, service, ...state }) => ({
    service: serviceName,
    ...state,
    baselineWindowDays: service.baselineWindowDays,
  }))
}

export type RowsRequest = { service: string; startUs: number; endUs: number; operations: boolean; entry: boolean }

/** One series' rows, ascending; operation and span kind '' for the service's entry spans. */
export type SeriesRowGroup = { operation: string; spanKind: string; rows: HistoryRow[] }
/** Per service, per series (operationKey; ENTRY_SERIES_KEY for the entry spans). */
export type SeriesRows = Map<string, Map<string, SeriesRowGroup>>

/** A bucket's start in µs since the epoch (exact: whole microseconds stay below 2^53), cheaper to read than a timestamp. */
const BUCKET_US = Prisma.sql`(extract(epoch FROM r.bucket_start) * 1000000)::float8 AS bucket_us`

type Segments = { services: string[]; resolutions: string[]; starts: string[]; ends: string[] }

export async function listSeriesRows(
  requests: readonly RowsRequest[],
  { now, maxBucketUs }: { now: Date; maxBucketUs: number },
): Promise<SeriesRows> {
  const byService: SeriesRows = new Map()
  const add = (service: string, operation: string, spanKind: string, row: HistoryRow) => {
    let series = byService.get(service)
    if (!series) byService.set(service, (series = new Map()))
    const key = operationKey(operation, spanKind)
    let group = series.get(key)
    if (!group) series.set(key, (group = { operation, spanKind, rows: [] }))
    group.rows.push(row)
  }
  const plans = await readPlansByService(new Map(requests.map((request) => [request.service, request])), { now, maxBucketUs })
  const segmentsOf = (wanted: (request: RowsRequest) => boolean): Segments => {
    const segments: Segments = { services: [], resolutions: [], starts: [], ends: [] }
    for (const request of requests) {
      if (!wanted(request)) continue
      for (const segment of plans.get(request.service)?.segments ?? []) {
        segments.services.push(request.service)
        segments.resolutions.push(segment.resolution)
        segments.starts.push(fromMicros(segment.startUs).toISOString())
        segments.ends.push(fromMicros(segment.endUs).toISOString())
      }
    }
    return segments
  }

  const spanSegments = segmentsOf((request) => request.operations)
  if (spanSegments.services.length) {
    const rows = await db.$queryRaw<
      { service: string; operation: string; span_kind: string; bucket_us: number; span_count: number; histogram: Uint8Array }[]
    >`
      SELECT r.service, r.operation, r.span_kind, ${BUCKET_US}, r.span_count, r.histogram
      FROM unnest(${spanSegments.services}::text[], ${spanSegments.resolutions}::text[], ${spanSegments.starts}::timestamptz[], ${spanSegments.ends}::timestamptz[]) AS s(service, resolution, start_at, end_at)
      CROSS JOIN LATERAL (SELECT * FROM span_rollups r WHERE r.service = s.service AND r.resolution = s.resolution::"RollupResolution" AND r.bucket_start >= s.start_at AND r.bucket_start < s.end_at OFFSET 0) r`
    for (const row of rows)
      add(row.service, row.operation, row.span_kind, { bucketStartUs: row.bucket_us, count: row.span_count, histogram: row.histogram })
  }
  const entrySegments = segmentsOf((request) => request.entry)
  if (entrySegments.services.length) {
    const rows = await db.$queryRaw<{ service: string; bucket_us: number; entry_spans: number; entry_histogram: Uint8Array | null }[]>`
      SELECT r.service, ${BUCKET_US}, r.entry_spans, r.entry_histogram
      FROM unnest(${entrySegments.services}::text[], ${entrySegments.resolutions}::text[], ${entrySegments.starts}::timestamptz[], ${entrySegments.ends}::timestamptz[]) AS s(service, resolution, start_at, end_at)
      CROSS JOIN LATERAL (SELECT * FROM service_rollups r WHERE r.service = s.service AND r.resolution = s.resolution::"RollupResolution" AND r.bucket_start >= s.start_at AND r.bucket_start < s.end_at OFFSET 0) r`
    for (const row of rows)
      add(row.service, SERVICE_LEVEL.operation, SERVICE_LEVEL.spanKind, {
        bucketStartUs: row.bucket_us,
        count: row.entry_spans,
        histogram: row.entry_histogram,
      })
  }
  // Sorted here rather than by Postgres, whose sort of a large read spills to disk.
  for (const series of byService.values()) for (const { rows } of series.values()) rows.sort((a, b) => a.bucketStartUs - b.bucketStartUs)
  return byService
}

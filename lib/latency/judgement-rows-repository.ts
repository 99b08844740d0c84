// The rollup rows the latency judgement reads, for many services in one query per table: each service
// over a range of its own (services stand at different watermarks), planned over its compaction marks
// as every latency read is, so each span counts once.
import { db } from '@/lib/db/client'
import { operationKey } from '@/lib/metrics/operation-key'
import { fromMicros, toMicros } from '@/lib/time/micros'
import { readPlansByService } from './read-plan-repository'
import type { HistoryRow } from './series-history'
import { SERVICE_LEVEL } from './stored-verdicts-repository'

/** The key of a service's own series (its entry spans) among its operations'. */
export const ENTRY_SERIES_KEY = operationKey(SERVICE_LEVEL.operation, SERVICE_LEVEL.spanKind)

/** Where each service's judgement stands: its current watermark (the live cursor while history backfills) and baseline window. */
export type JudgementTarget = { service: string; watermark: Date; liveFrom: Date | null; backfillFrom: Date; liveWatermark: Date | null; baselineWindowDays: number | null }

export async function listJudgementTargets(services: readonly string[]): Promise<JudgementTarget[]> {
  const states = await db.syncState.findMany({
    where: { serviceName: { in: [...services] } },
    select: { serviceName: true, watermark: true, backfillFrom: true, liveFrom: true, liveWatermark: true, service: { select: { baselineWindowDays: true } } },
  })
  return states.map(({ serviceName, service, ...state }) => ({ service: serviceName, ...state, baselineWindowDays: service.baselineWindowDays }))
}

export type RowsRequest = { service: string; startUs: number; endUs: number; operations: boolean; entry: boolean }

/** One series' rows, ascending; operation and span kind '' for the service's entry spans. */
export type SeriesRowGroup = { operation: string; spanKind: string; rows: HistoryRow[] }
/** Per service, per series (operationKey; ENTRY_SERIES_KEY for the entry spans). */
export type SeriesRows = Map<string, Map<string, SeriesRowGroup>>

type Segments = { services: string[]; resolutions: string[]; starts: string[]; ends: string[] }

export async function listSeriesRows(requests: readonly RowsRequest[], { now, maxBucketUs }: { now: Date; maxBucketUs: number }): Promise<SeriesRows> {
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
    const rows = await db.$queryRaw<{ service: string; operation: string; span_kind: string; bucket_start: Date; span_count: number; histogram: Uint8Array }[]>`
      SELECT r.service, r.operation, r.span_kind, r.bucket_start, r.span_count, r.histogram
      FROM unnest(${spanSegments.services}::text[], ${spanSegments.resolutions}::text[], ${spanSegments.starts}::timestamptz[], ${spanSegments.ends}::timestamptz[]) AS s(service, resolution, start_at, end_at)
      JOIN span_rollups r ON r.service = s.service AND r.resolution = s.resolution::"RollupResolution" AND r.bucket_start >= s.start_at AND r.bucket_start < s.end_at
      ORDER BY r.bucket_start`
    for (const row of rows) add(row.service, row.operation, row.span_kind, { bucketStartUs: toMicros(row.bucket_start), count: row.span_count, histogram: row.histogram })
  }
  const entrySegments = segmentsOf((request) => request.entry)
  if (entrySegments.services.length) {
    const rows = await db.$queryRaw<{ service: string; bucket_start: Date; entry_spans: number; entry_histogram: Uint8Array | null }[]>`
      SELECT r.service, r.bucket_start, r.entry_spans, r.entry_histogram
      FROM unnest(${entrySegments.services}::text[], ${entrySegments.resolutions}::text[], ${entrySegments.starts}::timestamptz[], ${entrySegments.ends}::timestamptz[]) AS s(service, resolution, start_at, end_at)
      JOIN service_rollups r ON r.service = s.service AND r.resolution = s.resolution::"RollupResolution" AND r.bucket_start >= s.start_at AND r.bucket_start < s.end_at
      ORDER BY r.bucket_start`
    for (const row of rows) add(row.service, SERVICE_LEVEL.operation, SERVICE_LEVEL.spanKind, { bucketStartUs: toMicros(row.bucket_start), count: row.entry_spans, histogram: row.entry_histogram })
  }
  return byService
}

// The rollup rows SLIs are read from, for many SLOs in one query: the matched operations' span rollups,
// or, for an SLO over a whole service, its entry spans (server and consumer) kept on the service rollup.
// A literal operation is matched by Postgres; a glob reads the service's rows and is matched here.
import picomatch from 'picomatch'
import { db } from '@/lib/db/client'
import type { SliRow } from './slo-accounting'
import type { Slo } from './schemas'

type Selected = Pick<Slo, 'service' | 'operation' | 'spanKind' | 'sli'>

export type SliRowsRequest = { key: string; slo: Selected; resolution: 'minute' | 'hour'; fromMs: number; toMs: number }

type Row = { key: string; bucket_ms: number; operation: string | null; spans: number; errors: number; histogram: Uint8Array | null }

const isGlob = (operation: string) => picomatch.scan(operation).isGlob

/** The rows of every request, by its key (an empty list for a request with no service or an empty range). */
export async function listSliRows(requests: readonly SliRowsRequest[]): Promise<Map<string, SliRow[]>> {
  const rows = new Map<string, SliRow[]>(requests.map((request) => [request.key, []]))
  const live = requests.filter((request) => request.slo.service && request.fromMs < request.toMs)
  const entry = live.filter(({ slo }) => slo.operation === undefined && slo.spanKind === undefined)
  const spans = live.filter(({ slo }) => !(slo.operation === undefined && slo.spanKind === undefined))
  // A literal operation is an index condition on the primary key (no row of another operation is fetched);
  // a glob, or a span kind alone, reads the service's rows in range.
  const literal = spans.filter(({ slo }) => slo.operation !== undefined && !isGlob(slo.operation))
  const wide = spans.filter(({ slo }) => slo.operation === undefined || isGlob(slo.operation))
  const column = <T>(list: readonly SliRowsRequest[], pick: (request: SliRowsRequest) => T) => list.map(pick)
  const [entryRows, literalRows, wideRows] = await Promise.all([
    entry.length
      ? db.$queryRaw<Row[]>`
          SELECT r.key, (extract(epoch FROM s.bucket_start) * 1000)::float8 AS bucket_ms, NULL AS operation, s.entry_spans AS spans,
            s.entry_errors AS errors, CASE WHEN r.latency THEN s.entry_histogram END AS histogram
          FROM unnest(${column(entry, (request) => request.key)}::text[], ${column(entry, (request) => request.slo.service!)}::text[],
            ${column(entry, (request) => request.resolution)}::text[], ${column(entry, (request) => new Date(request.fromMs))}::timestamptz[],
            ${column(entry, (request) => new Date(request.toMs))}::timestamptz[], ${column(entry, (request) => request.slo.sli.kind === 'latency')}::boolean[])
            AS r(key, service, resolution, from_at, to_at, latency)
          CROSS JOIN LATERAL (
            SELECT * FROM service_rollups s WHERE s.service = r.service AND s.resolution = r.resolution::"RollupResolution"
              AND s.bucket_start >= r.from_at AND s.bucket_start < r.to_at AND s.entry_spans > 0 OFFSET 0) s`
      : [],
    literal.length
      ? db.$queryRaw<Row[]>`
          SELECT r.key, (extract(epoch FROM s.bucket_start) * 1000)::float8 AS bucket_ms, s.operation, s.span_count AS spans,
            s.error_count AS errors, CASE WHEN r.latency THEN s.histogram END AS histogram
          FROM unnest(${column(literal, (request) => request.key)}::text[], ${column(literal, (request) => request.slo.service!)}::text[],
            ${column(literal, (request) => request.resolution)}::text[], ${column(literal, (request) => new Date(request.fromMs))}::timestamptz[],
            ${column(literal, (request) => new Date(request.toMs))}::timestamptz[], ${column(literal, (request) => request.slo.spanKind ?? null)}::text[],
            ${column(literal, (request) => request.slo.operation!)}::text[], ${column(literal, (request) => request.slo.sli.kind === 'latency')}::boolean[])
            AS r(key, service, resolution, from_at, to_at, span_kind, operation, latency)
          CROSS JOIN LATERAL (
            SELECT * FROM span_rollups s WHERE s.service = r.service AND s.resolution = r.resolution::"RollupResolution"
              AND s.bucket_start >= r.from_at AND s.bucket_start < r.to_at AND s.operation = r.operation
              AND (r.span_kind IS NULL OR s.span_kind = r.span_kind) OFFSET 0) s`
      : [],
    wide.length
      ? db.$queryRaw<Row[]>`
          SELECT r.key, (extract(epoch FROM s.bucket_start) * 1000)::float8 AS bucket_ms, s.operation, s.span_count AS spans,
            s.error_count AS errors, CASE WHEN r.latency THEN s.histogram END AS histogram
          FROM unnest(${column(wide, (request) => request.key)}::text[], ${column(wide, (request) => request.slo.service!)}::text[],
            ${column(wide, (request) => request.resolution)}::text[], ${column(wide, (request) => new Date(request.fromMs))}::timestamptz[],
            ${column(wide, (request) => new Date(request.toMs))}::timestamptz[], ${column(wide, (request) => request.slo.spanKind ?? null)}::text[],
            ${column(wide, (request) => request.slo.sli.kind === 'latency')}::boolean[])
            AS r(key, service, resolution, from_at, to_at, span_kind, latency)
          CROSS JOIN LATERAL (
            SELECT * FROM span_rollups s WHERE s.service = r.service AND s.resolution = r.resolution::"RollupResolution"
              AND s.bucket_start >= r.from_at AND s.bucket_start < r.to_at AND (r.span_kind IS NULL OR s.span_kind = r.span_kind) OFFSET 0) s`
      : [],
  ])
  const matchers = new Map(
    wide.map(({ key, slo }) => [key, slo.operation === undefined ? null : picomatch(slo.operation, { dot: true, bash: true })]),
  )
  for (const row of [...entryRows, ...literalRows, ...wideRows]) {
    const matches = matchers.get(row.key)
    if (matches && !matches(row.operation ?? '')) continue
    rows.get(row.key)!.push({ bucketStartMs: row.bucket_ms, spans: row.spans, errors: row.errors, histogram: row.histogram })
  }
  return rows
}

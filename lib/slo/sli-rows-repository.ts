// The rollup rows an SLO's SLI is read from: the matched operations' span rollups, or, for an SLO over
// a whole service, its entry spans (server and consumer) kept on the service rollup.
import picomatch from 'picomatch'
import { db } from '@/lib/db/client'
import type { SliRow } from './slo-accounting'
import type { Slo } from './schemas'

type Selected = Pick<Slo, 'service' | 'operation' | 'spanKind' | 'sli'>

export async function listSliRows(slo: Selected, resolution: 'minute' | 'hour', fromMs: number, toMs: number): Promise<SliRow[]> {
  if (!slo.service || fromMs >= toMs) return []
  const latency = slo.sli.kind === 'latency'
  if (slo.operation === undefined && slo.spanKind === undefined) {
    const rows = await db.$queryRaw<{ bucket_ms: number; spans: number; errors: number; histogram: Uint8Array | null }[]>`
      SELECT (extract(epoch FROM bucket_start) * 1000)::float8 AS bucket_ms, entry_spans AS spans, entry_errors AS errors,
        CASE WHEN ${latency} THEN entry_histogram END AS histogram
      FROM service_rollups
      WHERE service = ${slo.service} AND resolution = ${resolution}::"RollupResolution"
        AND bucket_start >= ${new Date(fromMs)} AND bucket_start < ${new Date(toMs)} AND entry_spans > 0`
    return rows.map((row) => ({ bucketStartMs: row.bucket_ms, spans: row.spans, errors: row.errors, histogram: row.histogram }))
  }
  const rows = await db.$queryRaw<{ bucket_ms: number; operation: string; spans: number; errors: number; histogram: Uint8Array | null }[]>`
    SELECT (extract(epoch FROM bucket_start) * 1000)::float8 AS bucket_ms, operation, span_count AS spans, error_count AS errors,
      CASE WHEN ${latency} THEN histogram END AS histogram
    FROM span_rollups
    WHERE service = ${slo.service} AND resolution = ${resolution}::"RollupResolution"
      AND bucket_start >= ${new Date(fromMs)} AND bucket_start < ${new Date(toMs)}
      AND (${slo.spanKind ?? null}::text IS NULL OR span_kind = ${slo.spanKind ?? null})`
  const matches = slo.operation === undefined ? () => true : picomatch(slo.operation, { dot: true, bash: true })
  return rows
    .filter((row) => matches(row.operation))
    .map((row) => ({ bucketStartMs: row.bucket_ms, spans: row.spans, errors: row.errors, histogram: row.histogram }))
}

// The verdicts latency_health stores, as the judgement reads and writes them. Baselines are stored
// versioned and parsed on the way back: a row of another version, or damaged, reads as null (left out
// of pages, judged again). Each row's version (Postgres' xmin, the transaction that last wrote it) lets
// a worker tell the rows it wrote itself from rows changed since, without reading their baselines.
import { db, Prisma } from '@/lib/db/client'
import { storedBaselineSchema, toStoredBaseline } from '@/lib/metrics/schemas'
import { fromMicros, toMicros } from '@/lib/time/micros'
import type { LatencyHealth, LatencyState } from './judge-latency'

type Stored = Prisma.LatencyHealthGetPayload<object>

/** The key of a service's own (entry-span) verdict. */
export const SERVICE_LEVEL = { operation: '', spanKind: '' } as const

/** A stored verdict, or null when its baseline is of another version or damaged. */
export function fromStored(row: Stored): LatencyHealth | null {
  const stored = storedBaselineSchema.safeParse(row.baseline)
  if (!stored.success) return null
  return {
    service: row.service,
    operation: row.operation,
    spanKind: row.spanKind,
    state: row.state,
    baseline: stored.data.baseline,
    slowSinceUs: row.slowSince ? toMicros(row.slowSince) : null,
    deviation: row.deviation,
    currentP95Us: row.currentP95Us,
    judgedToUs: toMicros(row.judgedTo),
    computedAtUs: toMicros(row.computedAt),
  }
}

export type VerdictKey = { service: string; operation: string; spanKind: string }
/** A stored verdict without its baseline, and the version of its row. */
export type VerdictMark = VerdictKey & { state: LatencyState; slowSinceUs: number | null; judgedToUs: number; rowVersion: string }

export async function listVerdictMarks(services: readonly string[]): Promise<VerdictMark[]> {
  if (services.length === 0) return []
  const rows = await db.$queryRaw<
    {
      service: string
      operation: string
      span_kind: string
      state: LatencyState
      slow_since: Date | null
      judged_to: Date
      row_version: string
    }[]
  >`
    SELECT service, operation, span_kind, state, slow_since, judged_to, xmin::text AS row_version FROM latency_health WHERE service = ANY(${[...services]}::text[])`
  return rows.map((row) => ({
    service: row.service,
    operation: row.operation,
    spanKind: row.span_kind,
    state: row.state,
    slowSinceUs: row.slow_since ? toMicros(row.slow_since) : null,
    judgedToUs: toMicros(row.judged_to),
    rowVersion: row.row_version,
  }))
}

/** The given rows in full: each verdict, or null when unreadable. */
export async function listStoredVerdicts(keys: readonly VerdictKey[]): Promise<{ key: VerdictKey; verdict: LatencyHealth | null }[]> {
  if (keys.length === 0) return []
  const rows = await db.$queryRaw<Stored[]>`
    SELECT h.service, h.operation, h.span_kind AS "spanKind", h.state, h.baseline, h.slow_since AS "slowSince", h.deviation, h.current_p95_us AS "currentP95Us",
      h.judged_to AS "judgedTo", h.computed_at AS "computedAt"
    FROM latency_health h
    JOIN unnest(${keys.map((key) => key.service)}::text[], ${keys.map((key) => key.operation)}::text[], ${keys.map((key) => key.spanKind)}::text[]) AS k(service, operation, span_kind)
      ON h.service = k.service AND h.operation = k.operation AND h.span_kind = k.span_kind`
  return rows.map((row) => ({ key: { service: row.service, operation: row.operation, spanKind: row.spanKind }, verdict: fromStored(row) }))
}

export type VerdictRow = Omit<LatencyHealth, 'computedAtUs'>

export type VerdictWrites = {
  /** Verdicts judged again whose stored row differs (or is missing): written whole. */
  upserts: readonly VerdictRow[]
  /**
   * Verdicts judged again whose stored baseline (written by this worker, unchanged since) differs only
   * in its window's edges, as when the judged stretch moved a step: those two fields are edited in
   * place rather than rewriting ~10 KB of seasonal bands.
   */
  windowMoves: readonly VerdictRow[]
  /** Every service judged in this pass, with the watermark it was judged to: all its rows get it and `computedAt`. */
  judged: readonly { service: string; judgedToUs: number }[]
  /** Series that no longer have rows in their history. */
  deletes: readonly VerdictKey[]
  computedAt: Date
}

const verdictColumns = (row: VerdictRow) => ({
  service: row.service,
  operation: row.operation,
  span_kind: row.spanKind,
  state: row.state,
  slow_since: row.slowSinceUs === null ? null : fromMicros(row.slowSinceUs).toISOString(),
  deviation: row.deviation,
  current_p95_us: row.currentP95Us,
  judged_to: fromMicros(row.judgedToUs).toISOString(),
})

/**
 * Writes a pass's verdicts in one transaction; returns the new version of every row written. Rows
 * travel as one JSON document: Postgres parses it once (an array of JSON texts is parsed twice).
 */
export async function saveVerdicts({
  upserts,
  windowMoves,
  judged,
  deletes,
  computedAt,
}: VerdictWrites): Promise<(VerdictKey & { rowVersion: string })[]> {
  type Written = { service: string; operation: string; span_kind: string; row_version: string }
  const written = await db.$transaction(
    async (tx) => {
      const upserted: Written[] = []
      for (const chunk of chunks(upserts)) {
        upserted.push(
          ...(await tx.$queryRaw<Written[]>`
          INSERT INTO latency_health (service, operation, span_kind, state, baseline, slow_since, deviation, current_p95_us, judged_to, computed_at)
          SELECT v.service, v.operation, v.span_kind, v.state::"LatencyState", v.baseline, v.slow_since, v.deviation, v.current_p95_us, v.judged_to, ${computedAt}
          FROM jsonb_to_recordset(${JSON.stringify(chunk.map((row) => ({ ...verdictColumns(row), baseline: toStoredBaseline(row.baseline) })))}::jsonb)
            AS v(service text, operation text, span_kind text, state text, baseline jsonb, slow_since timestamptz, deviation float8, current_p95_us float8, judged_to timestamptz)
          ON CONFLICT (service, operation, span_kind) DO UPDATE SET state = EXCLUDED.state, baseline = EXCLUDED.baseline, slow_since = EXCLUDED.slow_since,
            deviation = EXCLUDED.deviation, current_p95_us = EXCLUDED.current_p95_us, judged_to = EXCLUDED.judged_to, computed_at = EXCLUDED.computed_at
          RETURNING service, operation, span_kind, xmin::text AS row_version`),
        )
      }
      const moved: Written[] = []
      for (const chunk of chunks(windowMoves)) {
        moved.push(
          ...(await tx.$queryRaw<Written[]>`
          UPDATE latency_health h SET
            baseline = jsonb_set(jsonb_set(h.baseline, '{baseline,windowStartUs}', to_jsonb(v.window_start)), '{baseline,windowEndUs}', to_jsonb(v.window_end)),
            state = v.state::"LatencyState", slow_since = v.slow_since, deviation = v.deviation, current_p95_us = v.current_p95_us, judged_to = v.judged_to, computed_at = ${computedAt}
          FROM jsonb_to_recordset(${JSON.stringify(chunk.map((row) => ({ ...verdictColumns(row), ...windowEdges(row) })))}::jsonb)
            AS v(service text, operation text, span_kind text, state text, window_start bigint, window_end bigint, slow_since timestamptz, deviation float8, current_p95_us float8, judged_to timestamptz)
          WHERE h.service = v.service AND h.operation = v.operation AND h.span_kind = v.span_kind
          RETURNING h.service, h.operation, h.span_kind, h.xmin::text AS row_version`),
        )
      }
      const stamped = judged.length
        ? await tx.$queryRaw<Written[]>`
          UPDATE latency_health h SET judged_to = s.judged_to, computed_at = ${computedAt}
          FROM unnest(${judged.map((service) => service.service)}::text[], ${judged.map((service) => fromMicros(service.judgedToUs).toISOString())}::timestamptz[]) AS s(service, judged_to)
          WHERE h.service = s.service AND (h.judged_to, h.computed_at) IS DISTINCT FROM (s.judged_to, ${computedAt}::timestamptz)
          RETURNING h.service, h.operation, h.span_kind, h.xmin::text AS row_version`
        : []
      if (deletes.length) {
        await tx.$executeRaw`
        DELETE FROM latency_health h
        USING unnest(${deletes.map((key) => key.service)}::text[], ${deletes.map((key) => key.operation)}::text[], ${deletes.map((key) => key.spanKind)}::text[]) AS k(service, operation, span_kind)
        WHERE h.service = k.service AND h.operation = k.operation AND h.span_kind = k.span_kind`
      }
      return [...upserted, ...moved, ...stamped]
    },
    // Every verdict of a large fleet can change in one pass (its baselines' window moves an hour).
    { timeout: 120_000 },
  )
  return written.map((row) => ({ service: row.service, operation: row.operation, spanKind: row.span_kind, rowVersion: row.row_version }))
}

/** Verdicts per statement: a seasonal baseline is ~10 KB of JSON, so a chunk is ~20 MB. */
const WRITE_CHUNK = 2_000

function* chunks<T>(rows: readonly T[]): Generator<readonly T[]> {
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) yield rows.slice(i, i + WRITE_CHUNK)
}

function windowEdges(row: VerdictRow): { window_start: number; window_end: number } {
  if (row.baseline.state !== 'ready') throw new Error('only a ready baseline has a window to move')
  return { window_start: row.baseline.windowStartUs, window_end: row.baseline.windowEndUs }
}

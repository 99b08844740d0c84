// The verdicts latency_health stores, as the judgement reads and writes them. Baselines are stored
// versioned and parsed on the way back: a row of another version, or damaged, reads as null (left out
// of pages, judged again). Each row's version (Postgres' xmin, the transaction that last wrote it) lets
// a worker tell the rows it wrote itself from rows changed since, without reading their baselines.
import { db, Prisma } from '@/lib/db/client'
import { BASELINE_VERSION, storedBaselineSchema } from '@/lib/metrics/schemas'
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
  const rows = await db.$queryRaw<{ service: string; operation: string; span_kind: string; state: LatencyState; slow_since: Date | null; judged_to: Date; row_version: string }[]>`
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
  /** Verdicts judged again whose stored row differs (or is missing). */
  upserts: readonly VerdictRow[]
  /** Every service judged in this pass, with the watermark it was judged to: all its rows get it and `computedAt`. */
  judged: readonly { service: string; judgedToUs: number }[]
  /** Series that no longer have rows in their history. */
  deletes: readonly VerdictKey[]
  computedAt: Date
}

/** Writes a pass's verdicts in one transaction; returns the new version of every row written. */
export async function saveVerdicts({ upserts, judged, deletes, computedAt }: VerdictWrites): Promise<(VerdictKey & { rowVersion: string })[]> {
  type Written = { service: string; operation: string; span_kind: string; row_version: string }
  const column = <T>(pick: (row: VerdictRow) => T) => upserts.map(pick)
  const written = await db.$transaction(async (tx) => {
    const upserted = upserts.length
      ? await tx.$queryRaw<Written[]>`
          INSERT INTO latency_health (service, operation, span_kind, state, baseline, slow_since, deviation, current_p95_us, judged_to, computed_at)
          SELECT v.service, v.operation, v.span_kind, v.state::"LatencyState", v.baseline::jsonb, v.slow_since, v.deviation, v.current_p95_us, v.judged_to, ${computedAt}
          FROM unnest(${column((row) => row.service)}::text[], ${column((row) => row.operation)}::text[], ${column((row) => row.spanKind)}::text[], ${column((row) => row.state)}::text[],
            ${column((row) => JSON.stringify({ version: BASELINE_VERSION, baseline: row.baseline }))}::text[], ${column((row) => (row.slowSinceUs === null ? null : fromMicros(row.slowSinceUs).toISOString()))}::timestamptz[],
            ${column((row) => row.deviation)}::float8[], ${column((row) => row.currentP95Us)}::float8[], ${column((row) => fromMicros(row.judgedToUs).toISOString())}::timestamptz[])
            AS v(service, operation, span_kind, state, baseline, slow_since, deviation, current_p95_us, judged_to)
          ON CONFLICT (service, operation, span_kind) DO UPDATE SET state = EXCLUDED.state, baseline = EXCLUDED.baseline, slow_since = EXCLUDED.slow_since,
            deviation = EXCLUDED.deviation, current_p95_us = EXCLUDED.current_p95_us, judged_to = EXCLUDED.judged_to, computed_at = EXCLUDED.computed_at
          RETURNING service, operation, span_kind, xmin::text AS row_version`
      : []
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
    return [...upserted, ...stamped]
  })
  return written.map((row) => ({ service: row.service, operation: row.operation, spanKind: row.span_kind, rowVersion: row.row_version }))
}

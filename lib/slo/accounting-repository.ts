// Where each SLO's accounting stands (slo_states), its accounted hours (slo_buckets), and the sums the
// status reads from them: one query for every SLO's windows, whatever their number.
import { db } from '@/lib/db/client'
import type { SloTotals } from './error-budget'
import type { AccountedHour } from './slo-accounting'
import type { SloStatus } from './slo-status'

export type AccountingState = { accountedKey: string; accountedToMs: number; status: SloStatus | null; atMs: number | null }

export async function listAccountingStates(sloIds: readonly string[]): Promise<Map<string, AccountingState>> {
  const rows = await db.sloState.findMany({ where: { sloId: { in: [...sloIds] } } })
  return new Map(
    rows.map((row) => [
      row.sloId,
      {
        accountedKey: row.accountedKey,
        accountedToMs: row.accountedTo.getTime(),
        status: (row.status as SloStatus | null) ?? null,
        atMs: row.at?.getTime() ?? null,
      },
    ]),
  )
}

/**
 * Stores newly closed hours of one SLO and moves its accounting to `toMs`, guarded on the state this pass
 * read (a second worker accounting the same hours changes nothing). `reset` drops every bucket first: the
 * definition or the corrections changed. Returns false when the guard failed.
 */
export async function saveAccountedHours(
  sloId: string,
  {
    key,
    fromState,
    toMs,
    hours,
    reset,
  }: { key: string; fromState: AccountingState | null; toMs: number; hours: readonly AccountedHour[]; reset: boolean },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (fromState) {
      const { count } = await tx.sloState.updateMany({
        where: { sloId, accountedKey: fromState.accountedKey, accountedTo: new Date(fromState.accountedToMs) },
        data: { accountedKey: key, accountedTo: new Date(toMs) },
      })
      if (count === 0) return false
    } else {
      const created = await tx.$executeRaw`
        INSERT INTO slo_states (slo_id, accounted_key, accounted_to, updated_at) VALUES (${sloId}::uuid, ${key}, ${new Date(toMs)}, now())
        ON CONFLICT (slo_id) DO NOTHING`
      if (created === 0) return false
    }
    if (reset) await tx.sloBucket.deleteMany({ where: { sloId } })
    if (hours.length)
      await tx.$executeRaw`
        INSERT INTO slo_buckets (slo_id, starts_at, good, total, minutes, bad_minutes, from_hour, per_minute)
        SELECT ${sloId}::uuid, starts_at, good, total, minutes, bad_minutes, from_hour,
          CASE WHEN per_minute = '' THEN '{}'::float8[] ELSE string_to_array(per_minute, ',')::float8[] END
        FROM unnest(${hours.map((hour) => new Date(hour.startMs))}::timestamptz[], ${hours.map((hour) => hour.good)}::float8[],
          ${hours.map((hour) => hour.total)}::float8[], ${hours.map((hour) => hour.minutes)}::int[], ${hours.map((hour) => hour.badMinutes)}::int[],
          ${hours.map((hour) => hour.fromHour)}::boolean[], ${hours.map((hour) => hour.perMinute.join(','))}::text[])
          AS h(starts_at, good, total, minutes, bad_minutes, from_hour, per_minute)
        ON CONFLICT (slo_id, starts_at) DO UPDATE SET good = excluded.good, total = excluded.total, minutes = excluded.minutes,
          bad_minutes = excluded.bad_minutes, from_hour = excluded.from_hour, per_minute = excluded.per_minute`
    // Minute detail is kept for the burn-rate windows under a day; older hours keep their sums only.
    await tx.$executeRaw`UPDATE slo_buckets SET per_minute = '{}' WHERE slo_id = ${sloId}::uuid AND starts_at < ${new Date(toMs - 7 * 3_600_000)} AND cardinality(per_minute) > 0`
    return true
  })
}

/** One sum asked for: SLO `sloId`'s accounted hours starting in [fromMs, toMs), returned under `key`. */
export type SumRequest = { key: string; sloId: string; fromMs: number; toMs: number }

export async function sumAccountedHours(requests: readonly SumRequest[]): Promise<Map<string, SloTotals>> {
  if (requests.length === 0) return new Map()
  const rows = await db.$queryRaw<{ key: string; good: number; total: number; minutes: number; bad_minutes: number }[]>`
    SELECT r.key, coalesce(s.good, 0)::float8 AS good, coalesce(s.total, 0)::float8 AS total,
      coalesce(s.minutes, 0)::float8 AS minutes, coalesce(s.bad_minutes, 0)::float8 AS bad_minutes
    FROM unnest(${requests.map((request) => request.key)}::text[], ${requests.map((request) => request.sloId)}::uuid[],
      ${requests.map((request) => new Date(request.fromMs))}::timestamptz[], ${requests.map((request) => new Date(request.toMs))}::timestamptz[])
      AS r(key, slo_id, from_at, to_at)
    CROSS JOIN LATERAL (
      SELECT sum(good) AS good, sum(total) AS total, sum(minutes) AS minutes, sum(bad_minutes) AS bad_minutes
      FROM slo_buckets b WHERE b.slo_id = r.slo_id AND b.starts_at >= r.from_at AND b.starts_at < r.to_at) s`
  return new Map(rows.map((row) => [row.key, { good: row.good, total: row.total, minutes: row.minutes, badMinutes: row.bad_minutes }]))
}

/** The accounted hours of SLOs from `fromMs` on, oldest first; `perMinute` only when asked for. */
export async function listAccountedHours(sloIds: readonly string[], fromMs: number, { perMinute = false } = {}) {
  const rows = await db.sloBucket.findMany({
    where: { sloId: { in: [...sloIds] }, startsAt: { gte: new Date(fromMs) } },
    select: { sloId: true, startsAt: true, good: true, total: true, minutes: true, badMinutes: true, fromHour: true, perMinute },
    orderBy: { startsAt: 'asc' },
  })
  const bySlo = new Map<string, AccountedHour[]>(sloIds.map((id) => [id, []]))
  for (const row of rows)
    bySlo.get(row.sloId)?.push({
      startMs: row.startsAt.getTime(),
      endMs: row.startsAt.getTime() + 3_600_000,
      good: row.good,
      total: row.total,
      minutes: row.minutes,
      badMinutes: row.badMinutes,
      fromHour: row.fromHour,
      perMinute: row.perMinute ?? [],
    })
  return bySlo
}

export async function saveStatuses(statuses: readonly { sloId: string; atMs: number; status: SloStatus }[]) {
  if (statuses.length === 0) return
  await db.$executeRaw`
    UPDATE slo_states s SET at = u.at, status = u.status, updated_at = now()
    FROM unnest(${statuses.map((row) => row.sloId)}::uuid[], ${statuses.map((row) => new Date(row.atMs))}::timestamptz[],
      ${statuses.map((row) => JSON.stringify(row.status))}::jsonb[]) AS u(slo_id, at, status)
    WHERE s.slo_id = u.slo_id`
}

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

/** One SLO's newly closed hours, and where its accounting moves to; `reset` drops its buckets first (its definition or corrections changed). */
export type AccountingWrite = {
  sloId: string
  key: string
  fromState: AccountingState | null
  toMs: number
  hours: readonly AccountedHour[]
  reset: boolean
}

/**
 * Stores every SLO's newly closed hours and moves its accounting, in one transaction, each guarded on the
 * state the pass read: an SLO another worker accounted meanwhile is left as that worker left it (its hours
 * would be counted twice). Returns the SLOs whose writes were applied.
 */
export async function saveAccounting(writes: readonly AccountingWrite[]): Promise<Set<string>> {
  if (writes.length === 0) return new Set()
  return db.$transaction(
    async (tx) => {
      const moved = writes.filter((write) => write.fromState)
      const first = writes.filter((write) => !write.fromState)
      const claimed = new Set<string>()
      if (moved.length)
        for (const row of await tx.$queryRaw<{ slo_id: string }[]>`
          UPDATE slo_states s SET accounted_key = u.new_key, accounted_to = u.new_to, updated_at = now()
          FROM unnest(${moved.map((write) => write.sloId)}::uuid[], ${moved.map((write) => write.fromState!.accountedKey)}::text[],
            ${moved.map((write) => new Date(write.fromState!.accountedToMs))}::timestamptz[], ${moved.map((write) => write.key)}::text[],
            ${moved.map((write) => new Date(write.toMs))}::timestamptz[]) AS u(slo_id, old_key, old_to, new_key, new_to)
          WHERE s.slo_id = u.slo_id AND s.accounted_key = u.old_key AND s.accounted_to = u.old_to
          RETURNING s.slo_id`)
          claimed.add(row.slo_id)
      if (first.length)
        for (const row of await tx.$queryRaw<{ slo_id: string }[]>`
          INSERT INTO slo_states (slo_id, accounted_key, accounted_to, updated_at)
          SELECT * , now() FROM unnest(${first.map((write) => write.sloId)}::uuid[], ${first.map((write) => write.key)}::text[],
            ${first.map((write) => new Date(write.toMs))}::timestamptz[])
          ON CONFLICT (slo_id) DO NOTHING
          RETURNING slo_id`)
          claimed.add(row.slo_id)
      const applied = writes.filter((write) => claimed.has(write.sloId))
      const reset = applied.filter((write) => write.reset).map((write) => write.sloId)
      if (reset.length) await tx.sloBucket.deleteMany({ where: { sloId: { in: reset } } })
      const hours = applied.flatMap((write) => write.hours.map((hour) => ({ ...hour, sloId: write.sloId })))
      // In slices: a backfill of 200 SLOs × 35 days is 168,000 hours.
      for (let at = 0; at < hours.length; at += 20_000) {
        const slice = hours.slice(at, at + 20_000)
        await tx.$executeRaw`
          INSERT INTO slo_buckets (slo_id, starts_at, good, total, minutes, bad_minutes, from_hour, per_minute)
          SELECT slo_id, starts_at, good, total, minutes, bad_minutes, from_hour,
            CASE WHEN per_minute = '' THEN '{}'::float8[] ELSE string_to_array(per_minute, ',')::float8[] END
          FROM unnest(${slice.map((hour) => hour.sloId)}::uuid[], ${slice.map((hour) => new Date(hour.startMs))}::timestamptz[],
            ${slice.map((hour) => hour.good)}::float8[], ${slice.map((hour) => hour.total)}::float8[], ${slice.map((hour) => hour.minutes)}::int[],
            ${slice.map((hour) => hour.badMinutes)}::int[], ${slice.map((hour) => hour.fromHour)}::boolean[], ${slice.map((hour) => hour.perMinute.join(','))}::text[])
            AS h(slo_id, starts_at, good, total, minutes, bad_minutes, from_hour, per_minute)
          ON CONFLICT (slo_id, starts_at) DO UPDATE SET good = excluded.good, total = excluded.total, minutes = excluded.minutes,
            bad_minutes = excluded.bad_minutes, from_hour = excluded.from_hour, per_minute = excluded.per_minute`
      }
      // Minute detail is kept for the burn-rate windows up to 6 h; older hours keep their sums only.
      if (applied.length)
        await tx.$executeRaw`
          UPDATE slo_buckets b SET per_minute = '{}' FROM unnest(${applied.map((write) => write.sloId)}::uuid[], ${applied.map((write) => new Date(write.toMs - 7 * 3_600_000))}::timestamptz[]) AS u(slo_id, before)
          WHERE b.slo_id = u.slo_id AND b.starts_at < u.before AND cardinality(b.per_minute) > 0`
      return claimed
    },
    { timeout: 120_000 },
  )
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

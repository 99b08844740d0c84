// The worker's rollout stage (after the latency judgement): each leased service's go-live is recorded
// the first time its spans are seen, and its rollout status (lib/rollout/rollout-status.ts) is computed
// from its daily trace quality and stored. A status reads only whole days, so a service is computed
// again only when its day turns, its go-live is new, or an admin changed the thresholds since.
import { db } from '@/lib/db/client'
import { addDays, dayOf, type CalendarDay } from './calendar-day'
import { findFirstSpans, listDailyQuality } from './daily-quality-repository'
import { computeRolloutStatus, type RolloutFailure, type RolloutStatusResult } from './rollout-status'
import {
  DEFAULT_ROLLOUT_THRESHOLDS,
  rolloutFailuresSchema,
  rolloutThresholdsSchema,
  type RolloutStatus,
  type RolloutThresholds,
} from './schemas'

/** Days of quality a status reads: enough to see an earlier verified run (regressed) well past one window. */
const HISTORY_DAYS = 60

export type RolloutSettingsView = RolloutThresholds & { startDate: CalendarDay | null; updatedAt: Date | null }

export async function getRolloutSettings(): Promise<RolloutSettingsView> {
  const row = await db.rolloutSettings.findUnique({ where: { id: 1 } })
  if (!row) return { ...DEFAULT_ROLLOUT_THRESHOLDS, startDate: null, updatedAt: null }
  const thresholds = rolloutThresholdsSchema.safeParse(row)
  return {
    ...(thresholds.success ? thresholds.data : DEFAULT_ROLLOUT_THRESHOLDS),
    startDate: dayOf(row.startDate),
    updatedAt: row.updatedAt,
  }
}

export type StoredRolloutState = {
  service: string
  status: RolloutStatus
  verifiedSince: CalendarDay | null
  goodDays: number
  failing: RolloutFailure[]
  judgedFor: CalendarDay
  computedAt: Date
}

export async function listRolloutStates(services?: readonly string[]): Promise<Map<string, StoredRolloutState>> {
  const rows = await db.rolloutState.findMany({ where: services ? { service: { in: [...services] } } : {} })
  return new Map(
    rows.map((row) => [
      row.service,
      {
        service: row.service,
        status: row.status,
        verifiedSince: row.verifiedSince ? dayOf(row.verifiedSince) : null,
        goodDays: row.goodDays,
        // Stored JSON is parsed, never trusted: a damaged list reads as none (recomputed the next day).
        failing: rolloutFailuresSchema.safeParse(row.failing).data ?? [],
        judgedFor: dayOf(row.judgedFor),
        computedAt: row.computedAt,
      },
    ]),
  )
}

export type RolloutStageReport = { services: number; computed: number; wentLive: string[]; changed: number }

/** The rollout stage for the services this worker holds. Idempotent: running it twice the same day changes nothing. */
export async function judgeAndSaveRolloutStates(
  services: readonly string[],
  { now = new Date() }: { now?: Date } = {},
): Promise<RolloutStageReport> {
  const report: RolloutStageReport = { services: services.length, computed: 0, wentLive: [], changed: 0 }
  if (services.length === 0) return report
  const today = dayOf(now)
  const [settings, rows, states] = await Promise.all([
    getRolloutSettings(),
    db.service.findMany({ where: { name: { in: [...services] } }, select: { name: true, goLiveAt: true } }),
    listRolloutStates(services),
  ])

  // Go-live: the first span ever seen, kept once found (rollups age out; the instant must not). The
  // sync reads a new service's latest hour first and fills its history in behind it, so an earlier
  // first span may turn up after the go-live was recorded: the recorded instant only ever moves earlier.
  const firstSpans = await findFirstSpans(rows.map((row) => row.name))
  const movedEarlier: string[] = []
  for (const row of rows) {
    const firstAt = firstSpans.get(row.name)
    if (!firstAt || (row.goLiveAt && row.goLiveAt <= firstAt)) continue
    const updated = await db.service.updateMany({
      where: { name: row.name, OR: [{ goLiveAt: null }, { goLiveAt: { gt: firstAt } }] },
      data: { goLiveAt: firstAt },
    })
    if (updated.count) (row.goLiveAt ? movedEarlier : report.wentLive).push(row.name)
    row.goLiveAt = firstAt
  }
  const goLive = new Map(rows.map((row) => [row.name, row.goLiveAt]))

  const due = rows
    .map((row) => row.name)
    .filter((service) => {
      const state = states.get(service)
      if (!state || state.judgedFor !== today || report.wentLive.includes(service) || movedEarlier.includes(service)) return true
      return settings.updatedAt !== null && settings.updatedAt > state.computedAt
    })
  if (due.length === 0) return report

  const from = addDays(today, -HISTORY_DAYS)
  const quality = await listDailyQuality(new Map(due.map((service) => [service, { from, to: addDays(today, 1) }])), { now })
  const results = due.map((service) => ({
    service,
    result: computeRolloutStatus({
      days: quality.get(service) ?? [],
      firstSpanAt: goLive.get(service) ?? null,
      today,
      thresholds: settings,
    }),
  }))
  report.computed = results.length
  report.changed = results.filter(({ service, result }) => states.get(service)?.status !== result.status).length
  await saveRolloutStates(results, { today, now })
  return report
}

async function saveRolloutStates(
  results: readonly { service: string; result: RolloutStatusResult }[],
  { today, now }: { today: CalendarDay; now: Date },
) {
  const json = JSON.stringify(
    results.map(({ service, result }) => ({
      service,
      status: result.status,
      verified_since: result.verifiedSince,
      good_days: result.goodDays,
      failing: result.failing,
    })),
  )
  await db.$executeRaw`
    INSERT INTO rollout_states (service, status, verified_since, good_days, failing, judged_for, computed_at)
    SELECT v.service, v.status::"RolloutStatus", v.verified_since, v.good_days, v.failing, ${today}::date, ${now}
    FROM jsonb_to_recordset(${json}::jsonb) AS v(service text, status text, verified_since date, good_days int, failing jsonb)
    ON CONFLICT (service) DO UPDATE SET status = EXCLUDED.status, verified_since = EXCLUDED.verified_since, good_days = EXCLUDED.good_days,
      failing = EXCLUDED.failing, judged_for = EXCLUDED.judged_for, computed_at = EXCLUDED.computed_at`
}

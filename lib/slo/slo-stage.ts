// The worker's SLO stage (after alert evaluation, before notifications): for every SLO, account the hours
// closed since the last pass (slo-accounting.ts), work out its figures at its service's watermark
// (slo-status.ts), and judge its burn-rate rules with the alert evaluator's state machine, so their
// alerts are stored, grouped, silenced and sent as every other alert is. Idempotent: the accounting moves
// under a guard on the state it read, and alerts under a per-SLO evaluation cursor (`slo:<id>`).
import { createHash } from 'node:crypto'
import type { Annotate } from '@/lib/alerts/alert-evaluator'
import { listSyncStates } from '@/lib/sync/sync-state-repository'
import { floorTo } from '@/lib/time/time-buckets'
import {
  listAccountedHours,
  listAccountingStates,
  saveAccounting,
  saveStatuses,
  sumAccountedHours,
  type SumRequest,
} from './accounting-repository'
import { addTotals, EMPTY_TOTALS, sumBuckets, type SloBucket, type SloTotals } from './error-budget'
import type { StoredCorrection, StoredSlo } from './schemas'
import { listSliRows } from './sli-rows-repository'
import { judgeBurnRateAlerts } from './burn-rate-alerts'
import { accountHours, minuteBuckets, type AccountedHour } from './slo-accounting'
import { computeSloStatus, type SloStatus } from './slo-status'
import { windowBounds } from './slo-window'
import { listCorrections } from './corrections-repository'
import { listSlos } from './slos-repository'
import { ceilHour, DAY_MS, floorHour, HOUR_MS, MINUTE_MS } from './time'

export type SloStageReport = {
  slos: number
  accountedHours: number
  statuses: number
  firing: number
  transitions: number
  /** ms per phase: rows read, hours accounted (pure), saved, figures worked out (with their reads), alerts judged and saved. */
  phases: { read: number; account: number; save: number; status: number; alerts: number }
}

/** How far back a new SLO's accounting reaches: hourly rollups are kept 35 days, enough for the last calendar month's compliance. */
export const ACCOUNT_BACK_MS = 35 * DAY_MS
/** Minute windows (≤ 6 h) read the minute detail of the hours accounted this long before the instant. */
const MINUTE_DETAIL_MS = 7 * HOUR_MS

/** A hash of what an SLO's buckets depend on: a change of either re-accounts its window. */
export const accountingKeyOf = (slo: StoredSlo, corrections: readonly StoredCorrection[]) =>
  createHash('sha256')
    .update(
      JSON.stringify([
        slo.sli,
        slo.service,
        slo.operation,
        slo.spanKind,
        slo.objective,
        slo.timeSliceTarget,
        corrections.map((c) => [c.startMs, c.endMs]),
      ]),
    )
    .digest('base64url')
    .slice(0, 22)

type Figures = { slo: StoredSlo; atMs: number; accountedToMs: number; live: AccountedHour[]; recent: SloBucket[]; accountedFromMs: number }

export async function runSloStage({ now, minuteRetentionMs, annotate }: { now: Date; minuteRetentionMs: number; annotate: Annotate }) {
  const report: SloStageReport = {
    slos: 0,
    accountedHours: 0,
    statuses: 0,
    firing: 0,
    transitions: 0,
    phases: { read: 0, account: 0, save: 0, status: 0, alerts: 0 },
  }
  let mark = performance.now()
  const phase = (name: keyof SloStageReport['phases']) => {
    const now = performance.now()
    report.phases[name] += now - mark
    mark = now
  }
  const { slos } = await listSlos()
  report.slos = slos.length
  if (slos.length === 0) return report
  const ids = slos.map((slo) => slo.id)
  const [corrections, states, syncStates] = await Promise.all([listCorrections(ids), listAccountingStates(ids), listSyncStates()])
  const syncOf = new Map(syncStates.map((state) => [state.serviceName, state]))
  // Minute rows are whole from here on (older ones may have been compacted away).
  const minutesFromMs = ceilHour(now.getTime() - minuteRetentionMs) + HOUR_MS

  // Each SLO's plan: figures at its service's leading edge; only hours the history has reached are stored for good.
  const plans = slos.flatMap((slo) => {
    const sync = slo.sli.kind !== 'composite' && slo.service ? syncOf.get(slo.service) : undefined
    if (!sync) return []
    const atMs = floorTo(Math.max(sync.watermark.getTime(), sync.liveWatermark?.getTime() ?? 0), MINUTE_MS)
    const completeToMs = floorHour(Math.min(sync.watermark.getTime(), atMs))
    const sloCorrections = corrections.get(slo.id) ?? []
    const key = accountingKeyOf(slo, sloCorrections)
    const state = states.get(slo.id) ?? null
    const reset = state?.accountedKey !== key
    const accountedFromMs = floorHour(Math.min(windowBounds(slo.window, atMs).startMs, atMs - ACCOUNT_BACK_MS))
    const fromMs = reset ? accountedFromMs : state.accountedToMs
    return [{ slo, atMs, key, state, reset, fromMs, toMs: Math.max(fromMs, completeToMs), corrections: sloCorrections, accountedFromMs }]
  })
  // Their rows in two queries: minute rows where they are kept whole, hour rows before.
  const [minuteRows, hourRows] = await Promise.all([
    listSliRows(
      plans.map((plan) => ({
        key: plan.slo.id,
        slo: plan.slo,
        resolution: 'minute',
        fromMs: Math.max(plan.fromMs, minutesFromMs),
        toMs: plan.atMs,
      })),
    ),
    listSliRows(
      plans.map((plan) => ({
        key: plan.slo.id,
        slo: plan.slo,
        resolution: 'hour',
        fromMs: plan.fromMs,
        toMs: Math.min(ceilHour(plan.atMs), minutesFromMs),
      })),
    ),
  ])
  phase('read')
  const accounted = plans.map((plan) => {
    const rows = {
      minuteRows: minuteRows.get(plan.slo.id)!,
      hourRows: hourRows.get(plan.slo.id)!,
      corrections: plan.corrections,
      minutesFromMs,
    }
    return {
      ...plan,
      closed: accountHours(plan.slo, { ...rows, fromMs: plan.fromMs, toMs: plan.toMs }),
      live: accountHours(plan.slo, { ...rows, fromMs: plan.toMs, toMs: ceilHour(plan.atMs), untilMs: plan.atMs }),
    }
  })
  phase('account')
  const writes = accounted.filter((plan) => plan.reset || plan.closed.length)
  const claimed = await saveAccounting(
    writes.map((plan) => ({
      sloId: plan.slo.id,
      key: plan.key,
      fromState: plan.state,
      toMs: plan.toMs,
      hours: plan.closed,
      reset: plan.reset,
    })),
  )
  phase('save')
  const figures = new Map<string, Figures>()
  for (const plan of accounted) {
    // Another worker accounted it meanwhile: its figures follow on the next pass.
    if ((plan.reset || plan.closed.length) && !claimed.has(plan.slo.id)) continue
    report.accountedHours += plan.closed.length
    const { slo, atMs, toMs, live, accountedFromMs } = plan
    figures.set(slo.id, { slo, atMs, accountedToMs: toMs, live, recent: [], accountedFromMs })
  }

  // Minute detail of the recently accounted hours, and the sums of longer windows, for every SLO at once.
  const target = (slo: StoredSlo) => slo.timeSliceTarget ?? slo.objective
  const earliestAt = Math.min(...[...figures.values()].map((figure) => figure.atMs))
  const recent = await listAccountedHours([...figures.keys()], earliestAt - MINUTE_DETAIL_MS, { perMinute: true })
  for (const figure of figures.values())
    figure.recent = minuteBuckets([...(recent.get(figure.slo.id) ?? []), ...figure.live], target(figure.slo))
  const requests: SumRequest[] = []
  for (const figure of figures.values()) requests.push(...sumRequests(figure.slo.id, figure, figure.slo))
  const composites = slos.filter((slo) => slo.sli.kind === 'composite')
  for (const composite of composites) requests.push(...compositeRequests(composite, slos, figures))
  const sums = await sumAccountedHours(requests)

  const statuses: { sloId: string; atMs: number; status: SloStatus }[] = []
  const totalsBySlo = new Map<string, (seconds: number) => SloTotals>()
  for (const figure of figures.values()) {
    const totalsOver = totalsOverOf(figure, sums, figure.slo.id)
    totalsBySlo.set(figure.slo.id, totalsOver)
    const windowTotals = addTotals(sums.get(`${figure.slo.id}:window`) ?? EMPTY_TOTALS, liveTotals(figure, figure.slo))
    const status = computeSloStatus(figure.slo, {
      atMs: figure.atMs,
      windowTotals,
      totalsOver,
      corrections: corrections.get(figure.slo.id) ?? [],
      accountedFromMs: figure.accountedFromMs,
    })
    statuses.push({ sloId: figure.slo.id, atMs: figure.atMs, status })
  }
  for (const composite of composites) {
    const status = compositeStatus(composite, slos, figures, sums)
    if (!status) continue
    if (!states.has(composite.id))
      await saveAccounting([{ sloId: composite.id, key: 'composite', fromState: null, toMs: status.atMs, hours: [], reset: false }])
    statuses.push({ sloId: composite.id, atMs: status.atMs, status })
  }
  await saveStatuses(statuses)
  report.statuses = statuses.length
  phase('status')

  const alerts = await judgeBurnRateAlerts(slos, statuses, annotate)
  report.firing = alerts.firing
  report.transitions = alerts.transitions
  phase('alerts')
  return report
}

/** Sums of accounted hours an SLO's figures read: its window, 1 d and 3 d (windows over 6 h are whole hours). */
function sumRequests(key: string, figure: Pick<Figures, 'atMs' | 'accountedToMs'>, slo: StoredSlo): SumRequest[] {
  const bounds = windowBounds(slo.window, figure.atMs)
  const to = figure.accountedToMs
  return [
    { key: `${key}:window`, sloId: slo.id, fromMs: ceilHour(bounds.startMs), toMs: to },
    { key: `${key}:${DAY_MS / 1000}`, sloId: slo.id, fromMs: ceilHour(figure.atMs - DAY_MS), toMs: to },
    { key: `${key}:${(3 * DAY_MS) / 1000}`, sloId: slo.id, fromMs: ceilHour(figure.atMs - 3 * DAY_MS), toMs: to },
  ]
}

const liveTotals = (figure: Figures, slo: StoredSlo) =>
  sumBuckets(minuteBuckets(figure.live, slo.timeSliceTarget ?? slo.objective), -Infinity, Infinity)

/** Totals over the last `seconds`: minute-exact up to 6 h, whole accounted hours plus the running hour beyond. */
function totalsOverOf(figure: Figures, sums: Map<string, SloTotals>, key: string) {
  return (seconds: number): SloTotals => {
    if (seconds <= 6 * 3600) return sumBuckets(figure.recent, figure.atMs - seconds * 1000, figure.atMs)
    return addTotals(sums.get(`${key}:${seconds}`) ?? EMPTY_TOTALS, liveTotals(figure, figure.slo))
  }
}

function members(composite: StoredSlo, slos: readonly StoredSlo[], figures: Map<string, Figures>) {
  if (composite.sli.kind !== 'composite') return []
  return composite.sli.members.flatMap((member) => {
    const slo = slos.find((candidate) => candidate.name === member.slo)
    const figure = slo && figures.get(slo.id)
    return figure ? [{ weight: member.weight, figure }] : []
  })
}

/** A composite's sums are its members' over the composite's own window, each asked for under the composite's key. */
function compositeRequests(composite: StoredSlo, slos: readonly StoredSlo[], figures: Map<string, Figures>): SumRequest[] {
  return members(composite, slos, figures).flatMap(({ figure }) =>
    sumRequests(`${composite.id}:${figure.slo.id}`, figure, { ...composite, id: figure.slo.id }),
  )
}

const scaled = (totals: SloTotals, weight: number): SloTotals => ({
  good: totals.good * weight,
  total: totals.total * weight,
  minutes: totals.minutes,
  badMinutes: totals.badMinutes,
})

/** A composite SLO's figures: its members' good and all events, weighted and added, at the earliest member's instant. */
function compositeStatus(composite: StoredSlo, slos: readonly StoredSlo[], figures: Map<string, Figures>, sums: Map<string, SloTotals>) {
  const joined = members(composite, slos, figures)
  if (joined.length === 0) return null
  const atMs = Math.min(...joined.map(({ figure }) => figure.atMs))
  const add = (pick: (key: string, figure: Figures) => SloTotals) =>
    joined.reduce(
      (sum, { weight, figure }) => addTotals(sum, scaled(pick(`${composite.id}:${figure.slo.id}`, figure), weight)),
      EMPTY_TOTALS,
    )
  const windowTotals = add((key, figure) => addTotals(sums.get(`${key}:window`) ?? EMPTY_TOTALS, liveTotals(figure, figure.slo)))
  return computeSloStatus(composite, {
    atMs,
    windowTotals,
    totalsOver: (seconds) => add((key, figure) => totalsOverOf(figure, sums, key)(seconds)),
    corrections: [],
    accountedFromMs: Math.max(...joined.map(({ figure }) => figure.accountedFromMs)),
  })
}

// The front page's answer to "are we on plan for week 2?": each target's current value, its daily
// trend since the rollout began, its status against the due date, and where its evidence is. Every
// figure is computed as DESIGN.md's table says, over inventory services that are not retired:
//
//   services traced     services with spans in the last 24 h                     → /rollout
//   tracing overhead    mean over traced services of their latest measurement     → /rollout/overhead
//                       (traced services without one are counted and named, never averaged over)
//   trace reliability   complete ÷ seen over 7 days, each trace once (its owner)  → /rollout/reliability
//   debugging time      1 − median time-to-resolve after go-live ÷ before         → /incidents
import { db } from '@/lib/db/client'
import { getDebuggingTimeReport, type DebuggingTimeReport } from '@/lib/incidents/debugging-time-repository'
import { cohortOf, median, timeToResolveMs } from '@/lib/incidents/time-to-resolve'
import { addDays, dayOf, type CalendarDay } from '@/lib/rollout/calendar-day'
import { listServicesWithSpansSince } from '@/lib/latency/traced-services-repository'
import { listDailyQuality, type DailyQualityRow } from '@/lib/rollout/daily-quality-repository'
import { getRolloutSettings } from '@/lib/rollout/rollout-state-repository'
import { judgeTarget, type TargetJudgement, type TrendPoint } from '@/lib/rollout/target-status'
import { formatFigure } from '@/lib/targets/format-figure'
import { listTargets } from '@/lib/targets/repository'
import type { Target } from '@/lib/targets/schemas'

const DAY_MS = 86_400_000
/** Reliability is judged over this many days (today included, so far). */
export const RELIABILITY_DAYS = 7
/** The trend starts here when no start date is set: this many days back. */
const DEFAULT_TREND_DAYS = 30

export type ScorecardFigure = {
  target: Target
  /** The value judged (a count, ms, or a ratio 0..1); null when it cannot be measured yet. */
  current: number | null
  trend: TrendPoint[]
  judgement: TargetJudgement
  /** Where the figure's evidence is. */
  href: string
  /** The parts of the figure, for the line under it. */
  detail: ScorecardDetail
}

export type ScorecardDetail =
  | { key: 'services_traced'; traced: number; inventory: number; untraced: string[] }
  | { key: 'tracing_overhead'; measured: number; traced: number; unmeasured: string[] }
  | { key: 'trace_reliability'; traces: number; complete: number; skewedSpans: number }
  | { key: 'debugging_time'; report: DebuggingTimeReport['fleet'] }

export type Scorecard = { today: CalendarDay; startDay: CalendarDay; figures: ScorecardFigure[] }

export async function getScorecard({ now = new Date() }: { now?: Date } = {}): Promise<Scorecard> {
  const today = dayOf(now)
  const [targets, settings, inventory] = await Promise.all([
    listTargets(),
    getRolloutSettings(),
    db.service.findMany({
      where: { origin: 'inventory', retiredAt: null },
      select: { name: true, goLiveAt: true },
      orderBy: { name: 'asc' },
    }),
  ])
  const names = inventory.map((service) => service.name)
  const startDay = settings.startDate && settings.startDate <= today ? settings.startDate : addDays(today, -DEFAULT_TREND_DAYS)
  const qualityFrom = addDays(startDay, -(RELIABILITY_DAYS - 1))
  const [quality, recent, measurements, incidents, debugging] = await Promise.all([
    listDailyQuality(new Map(names.map((name) => [name, { from: qualityFrom, to: addDays(today, 1) }])), { now }),
    listServicesWithSpansSince(names, new Date(now.getTime() - DAY_MS)),
    db.overheadMeasurement.findMany({
      where: { service: { in: names } },
      select: { service: true, overheadMs: true, measuredAt: true },
      orderBy: { measuredAt: 'asc' },
    }),
    db.incident.findMany({ select: { services: true, startedAt: true, detectedAt: true, resolvedAt: true } }),
    getDebuggingTimeReport(),
  ])
  const days: CalendarDay[] = []
  for (let day = startDay; day <= today; day = addDays(day, 1)) days.push(day)
  const tracedNow = recent
  const { tracedOn, fleetOn } = byDay(quality)

  const figures = targets.map((target): ScorecardFigure => {
    const judge = (current: number | null, trend: TrendPoint[]) =>
      judgeTarget({
        comparator: target.comparator,
        goal: target.goal,
        current,
        trend,
        startDay,
        dueDay: target.dueDate ? dayOf(target.dueDate) : null,
        today,
        formatValue: (value) => formatFigure(target.key, value),
      })
    switch (target.key) {
      case 'services_traced': {
        const trend = days.map((day) => ({ day, value: tracedOn.get(day)?.length ?? 0 }))
        const current = names.length ? tracedNow.size : null
        return {
          target,
          current,
          trend,
          judgement: judge(current, trend),
          href: '/rollout',
          detail: {
            key: target.key,
            traced: tracedNow.size,
            inventory: names.length,
            untraced: names.filter((name) => !tracedNow.has(name)),
          },
        }
      }
      case 'tracing_overhead': {
        const latestBy = (endMs: number) => {
          const latest = new Map<string, number>()
          for (const row of measurements) if (row.measuredAt.getTime() < endMs) latest.set(row.service, row.overheadMs)
          return latest
        }
        const meanOver = (services: readonly string[], latest: Map<string, number>) => {
          const values = services.flatMap((name) => (latest.has(name) ? [latest.get(name)!] : []))
          return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null
        }
        const trend = days.flatMap((day) => {
          const value = meanOver(tracedOn.get(day) ?? [], latestBy(Date.parse(`${addDays(day, 1)}T00:00:00Z`)))
          return value === null ? [] : [{ day, value }]
        })
        const traced = names.filter((name) => tracedNow.has(name))
        const latest = latestBy(Infinity)
        const current = meanOver(traced, latest)
        return {
          target,
          current,
          trend,
          judgement: judge(current, trend),
          href: '/rollout/overhead',
          detail: {
            key: target.key,
            measured: traced.filter((name) => latest.has(name)).length,
            traced: traced.length,
            unmeasured: traced.filter((name) => !latest.has(name)),
          },
        }
      }
      case 'trace_reliability': {
        const over = (lastDay: CalendarDay) => {
          const sums = { traces: 0, complete: 0, skewedSpans: 0 }
          for (let day = addDays(lastDay, -(RELIABILITY_DAYS - 1)); day <= lastDay; day = addDays(day, 1)) {
            const fleet = fleetOn.get(day)
            if (!fleet) continue
            sums.traces += fleet.traces
            sums.complete += fleet.complete
            sums.skewedSpans += fleet.skewedSpans
          }
          return sums
        }
        const trend = days.flatMap((day) => {
          const { traces, complete } = over(day)
          return traces ? [{ day, value: complete / traces }] : []
        })
        const now7 = over(today)
        const current = now7.traces ? now7.complete / now7.traces : null
        return {
          target,
          current,
          trend,
          judgement: judge(current, trend),
          href: '/rollout/reliability',
          detail: { key: target.key, ...now7 },
        }
      }
      case 'debugging_time': {
        const goLive = new Map(inventory.map((service) => [service.name, service.goLiveAt]))
        const trend = days.flatMap((day) => {
          const endMs = Date.parse(`${addDays(day, 1)}T00:00:00Z`)
          const value = improvementAsOf(incidents, goLive, endMs, debugging.minCohort)
          return value === null ? [] : [{ day, value }]
        })
        const fleet = debugging.fleet
        const current = 'improvement' in fleet ? fleet.improvement : null
        return { target, current, trend, judgement: judge(current, trend), href: '/incidents', detail: { key: target.key, report: fleet } }
      }
    }
  })
  return { today, startDay, figures }
}

/** Per UTC day: the services with spans that day, and the fleet's traces (each once, under its owner). */
function byDay(quality: ReadonlyMap<string, readonly DailyQualityRow[]>) {
  const tracedOn = new Map<CalendarDay, string[]>()
  const fleetOn = new Map<CalendarDay, { traces: number; complete: number; skewedSpans: number }>()
  for (const [service, rows] of quality)
    for (const row of rows) {
      if (row.spans > 0) {
        const services = tracedOn.get(row.day)
        if (services) services.push(service)
        else tracedOn.set(row.day, [service])
      }
      const fleet = fleetOn.get(row.day) ?? { traces: 0, complete: 0, skewedSpans: 0 }
      fleet.traces += row.rootTraces
      fleet.complete += row.rootTracesComplete
      fleet.skewedSpans += row.skewedSpans
      fleetOn.set(row.day, fleet)
    }
  return { tracedOn, fleetOn }
}

/** The point estimate of the improvement from incidents resolved before `endMs` (the trend: no interval, same cohorts). */
function improvementAsOf(
  incidents: readonly { services: string[]; startedAt: Date | null; detectedAt: Date | null; resolvedAt: Date | null }[],
  goLive: ReadonlyMap<string, Date | null>,
  endMs: number,
  minCohort: number,
): number | null {
  const durations: Record<'before' | 'after', number[]> = { before: [], after: [] }
  for (const incident of incidents) {
    const services = incident.services.filter((name) => goLive.has(name))
    if (!services.length || !incident.resolvedAt || incident.resolvedAt.getTime() >= endMs) continue
    const ms = timeToResolveMs(incident)
    const cohort = cohortOf({ ...incident, services }, goLive)
    if (ms !== null && cohort) durations[cohort].push(ms)
  }
  if (durations.before.length < minCohort || durations.after.length < minCohort) return null
  const before = median(durations.before)
  const after = median(durations.after)
  return before && after !== null ? 1 - after / before : null
}

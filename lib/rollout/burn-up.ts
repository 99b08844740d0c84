// The rollout's burn-up chart: per day, how many services the plan promised live by then and how many
// were, for the whole inventory and for each wave; and which services are late.
import { addDays, daysBetween, type CalendarDay } from './calendar-day'

export type BurnUpService = {
  name: string
  wave: number | null
  plannedDate: CalendarDay | null
  /** The UTC day of its first spans (go-live), or null while it has none. */
  goLiveDay: CalendarDay | null
  /** Retired services leave the chart (scope, plan and actual): they will never go live. */
  retired?: boolean
}

/** A wave by number; services with no wave are 'unplanned'. */
export type WaveKey = number | 'unplanned'
export type BurnUpPoint = {
  day: CalendarDay
  /** Services whose planned date is on or before this day (a service without one is never planned). */
  planned: number
  /** Services live on or before this day; null for days after today, which have not happened. */
  actual: number | null
}
export type BurnUpSeries = { /** The scope line: every service of the series. */ total: number; points: BurnUpPoint[] }
export type BurnUp = { overall: BurnUpSeries; waves: ({ wave: WaveKey } & BurnUpSeries)[] }

/** A chart longer than this is a caller's mistake (a day typed wrong), not a rollout. */
const MAX_DAYS = 3660

/**
 * Points for each day from `from` to `to`, both included. The caller picks `to`: the due date, or today
 * when that is later. Today's actual is as of now. Waves come in wave order, 'unplanned' last.
 */
export function burnUp({
  services,
  from,
  to,
  today,
}: {
  services: readonly BurnUpService[]
  from: CalendarDay
  to: CalendarDay
  today: CalendarDay
}): BurnUp {
  const dayCount = daysBetween(from, to) + 1
  if (dayCount > MAX_DAYS) throw new RangeError(`burn-up from ${from} to ${to} spans ${dayCount} days (at most ${MAX_DAYS})`)
  const days = Array.from({ length: Math.max(0, dayCount) }, (_, i) => addDays(from, i))
  const inScope = services.filter((service) => !service.retired)

  const series = (members: readonly BurnUpService[]): BurnUpSeries => ({
    total: members.length,
    points: days.map((day) => ({
      day,
      planned: members.filter((service) => service.plannedDate !== null && service.plannedDate <= day).length,
      actual: day > today ? null : members.filter((service) => service.goLiveDay !== null && service.goLiveDay <= day).length,
    })),
  })

  const waveKeys = [...new Set(inScope.map((service) => service.wave))].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b))
  return {
    overall: series(inScope),
    waves: waveKeys.map((wave) => ({
      wave: wave ?? 'unplanned',
      ...series(inScope.filter((service) => service.wave === wave)),
    })),
  }
}

export type LateService = BurnUpService & { /** Whole days since its planned date. */ daysLate: number }

/**
 * Services past their planned date and not live, most overdue first (then by name). A service is late
 * from the day after its planned date: going live on the planned date is on time.
 */
export function lateServices(services: readonly BurnUpService[], today: CalendarDay): LateService[] {
  return services
    .flatMap((service) => {
      const { plannedDate, goLiveDay } = service
      const late = !service.retired && plannedDate !== null && plannedDate < today && (goLiveDay === null || goLiveDay > today)
      return late ? [{ ...service, daysLate: daysBetween(plannedDate, today) }] : []
    })
    .sort((a, b) => b.daysLate - a.daysLate || a.name.localeCompare(b.name))
}

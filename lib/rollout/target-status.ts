// The scorecard status of one target (DESIGN.md's week-2 targets) from its current value and its daily
// trend since the rollout began. One rule for counts (services traced) and ratios or times
// (reliability, overhead, debugging time):
//
//   no_data   current is null
//   met       current meets the goal. The comparator reads as the scorecard prints it (formatGoal):
//             at_least is ≥ goal (23 of 23, ≥ 99.9 %), at_most is strictly < goal ("< 5 ms": 5.0 ms is not met)
//   missed    not met, and the due day is over (today > dueDay; on the due day there is still time)
//   on_track  not met, not missed, and either
//             - on plan: at least as far from the start value toward the goal as the share of the period
//               gone, (current − start) / (goal − start) ≥ (today − startDay) / (dueDay − startDay), and the
//               last 7 points' least-squares line does not point away from the goal; or
//             - on pace: the current value, moved on at that line's slope to the due day, meets the goal
//               (catching up after a slow start, or back to a goal the start value already met)
//   at_risk   otherwise
//
// With no due day there is no plan to be on: on_track while the last 7 points improve, at_risk when
// they are flat, worsening or too few. The start value is the first trend point on or after startDay.
import { dayIndex, daysBetween, type CalendarDay } from './calendar-day'

export type TargetComparator = 'at_least' | 'at_most'
export type TargetStatus = 'met' | 'on_track' | 'at_risk' | 'missed' | 'no_data'
export type TargetJudgement = { status: TargetStatus; reason: string }
export type TrendPoint = { day: CalendarDay; value: number }

export type JudgeTargetInput = {
  comparator: TargetComparator
  goal: number
  current: number | null
  /** Daily values since the rollout began, any order; a later duplicate of a day wins. */
  trend: readonly TrendPoint[]
  startDay: CalendarDay
  dueDay: CalendarDay | null
  today: CalendarDay
  /** How values read in reasons ("4.2 ms", "99.2 %"); plain numbers by default. */
  formatValue?: (value: number) => string
}

/** The points the pace is fitted to. */
const PACE_POINTS = 7
const EPSILON = 1e-9

export function judgeTarget({
  comparator,
  goal,
  current,
  trend,
  startDay,
  dueDay,
  today,
  formatValue = plainNumber,
}: JudgeTargetInput): TargetJudgement {
  const goalText = `${comparator === 'at_least' ? '≥' : '<'} ${formatValue(goal)}`
  const meets = (value: number) => (comparator === 'at_least' ? value >= goal : value < goal)
  /** +1 when up is toward the goal, −1 when down is. */
  const toward = comparator === 'at_least' ? 1 : -1

  if (current === null) return { status: 'no_data', reason: 'not measured yet' }
  if (meets(current)) return { status: 'met', reason: `${formatValue(current)} meets the goal (${goalText})` }
  if (dueDay !== null && today > dueDay) {
    return { status: 'missed', reason: `${formatValue(current)} on ${today}, past the due day ${dueDay} (goal ${goalText})` }
  }

  const points = dailyPoints(trend).filter((point) => point.day >= startDay && point.day <= today)
  const recent = points.slice(-PACE_POINTS)
  const pace = fitLine(recent)
  const paceDirection = pace === null ? 0 : Math.sign(pace.slope) * toward // 1 toward the goal, −1 away, 0 flat or unknown
  const lastDays = `the last ${recent.length} days` // read only with a pace, so at least 2

  if (dueDay === null) {
    return paceDirection > 0
      ? { status: 'on_track', reason: `${formatValue(current)}, improving over ${lastDays} (no due day; goal ${goalText})` }
      : {
          status: 'at_risk',
          reason: `${formatValue(current)}, ${pace ? `not improving over ${lastDays}` : 'no trend yet'} (no due day; goal ${goalText})`,
        }
  }

  const start = points[0]?.value ?? current
  const period = daysBetween(startDay, dueDay)
  const elapsed = period <= 0 ? 1 : Math.min(1, Math.max(0, daysBetween(startDay, today) / period))
  const startAtGoal = (goal - start) * toward <= 0
  const progress = startAtGoal ? null : (current - start) / (goal - start)
  // the recent pace carried on from where the value is now (not from the fitted line's own level)
  const projected = pace === null ? null : current + pace.slope * daysBetween(today, dueDay)
  const paceText = projected === null ? 'too few points for a pace' : `at the pace of ${lastDays}, ${formatValue(projected)} by ${dueDay}`

  if (progress === null) {
    const slipped = `${formatValue(start)} at the start, already at the goal; ${formatValue(current)} now`
    return projected !== null && meets(projected)
      ? { status: 'on_track', reason: `slipped (${slipped}), but ${paceText}` }
      : { status: 'at_risk', reason: `slipped: ${slipped}; ${paceText}` }
  }
  const planText = `${percent(progress)} of the way from ${formatValue(start)} to ${goalText} with ${percent(elapsed)} of the time to ${dueDay} gone`
  const onPlan = progress >= elapsed - EPSILON
  if (onPlan && paceDirection >= 0) return { status: 'on_track', reason: `on plan: ${planText}` }
  if (projected !== null && meets(projected)) return { status: 'on_track', reason: `behind plan (${planText}), but ${paceText}` }
  return { status: 'at_risk', reason: `${onPlan ? `moving away from the goal over ${lastDays}` : `behind plan: ${planText}`}; ${paceText}` }
}

/** One point per day, in day order; the last given for a day wins. */
function dailyPoints(trend: readonly TrendPoint[]): TrendPoint[] {
  const byDay = new Map<CalendarDay, number>()
  for (const point of trend) byDay.set(point.day, point.value)
  return [...byDay].map(([day, value]) => ({ day, value })).sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))
}

/** Least-squares slope through the points, per day; null under two points. */
function fitLine(points: readonly TrendPoint[]): { slope: number } | null {
  if (points.length < 2) return null
  const xy = points.map((point) => [dayIndex(point.day), point.value] as const)
  const meanX = xy.reduce((sum, [x]) => sum + x, 0) / xy.length
  const meanY = xy.reduce((sum, [, y]) => sum + y, 0) / xy.length
  let covariance = 0
  let variance = 0
  for (const [x, y] of xy) {
    covariance += (x - meanX) * (y - meanY)
    variance += (x - meanX) ** 2
  }
  const slope = Math.abs(covariance) < EPSILON * variance ? 0 : covariance / variance
  return { slope }
}

const percent = (share: number) => `${Math.round(share * 100)} %`
const plainNumber = (value: number) => (Math.abs(value) >= 1000 ? Math.round(value).toString() : String(Number(value.toPrecision(4))))

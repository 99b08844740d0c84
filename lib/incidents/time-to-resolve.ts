// Debugging time, the rollout's promise "incidents resolve faster once a service is traced": each
// incident's time-to-resolve, and the median before a service's tracing went live against after it.
import { seedFor, uniformSource } from './seeded-random'

export type IncidentTimes = { startedAt?: Date | null; detectedAt?: Date | null; resolvedAt?: Date | null }
export type ServiceIncident = IncidentTimes & { services: readonly string[] }
/** Each service's tracing go-live; null or absent = not live yet (all its incidents are "before"). */
export type GoLive = ReadonlyMap<string, Date | null>

/** When the clock starts: the incident's start, or its detection when the start is unknown. */
export const startOf = (incident: IncidentTimes): Date | null => incident.startedAt ?? incident.detectedAt ?? null

/** resolved − started (or − detected); null while unresolved, or when the times are in an impossible order. */
export function timeToResolveMs(incident: IncidentTimes): number | null {
  const start = startOf(incident)
  if (!start || !incident.resolvedAt) return null
  const ms = incident.resolvedAt.getTime() - start.getTime()
  return ms >= 0 ? ms : null
}

export type Cohort = 'before' | 'after'

/**
 * Before or after tracing went live for this incident: "after" when it started at or after the go-live
 * of `service`, or, fleet-wide (no service given), the earliest go-live among the incident's services.
 * Earliest, not the first listed: the order services are listed in says nothing (a CSV's, a webhook
 * sender's), and an incident counts as traced as soon as responders had traces of any part of it.
 * Incidents in only partly traced systems thus land "after", which dilutes, never inflates, the gain.
 */
export function cohortOf(incident: ServiceIncident, goLive: GoLive, service?: string): Cohort | null {
  const start = startOf(incident)
  if (!start) return null
  let first: Date | null = null
  for (const name of service === undefined ? incident.services : [service]) {
    const live = goLive.get(name) ?? null
    if (live && (!first || live < first)) first = live
  }
  return first && start >= first ? 'after' : 'before'
}

const medianOfSorted = (sorted: ArrayLike<number>) => {
  const n = sorted.length
  return (sorted[Math.floor((n - 1) / 2)]! + sorted[Math.floor(n / 2)]!) / 2
}

/** The exact median (mean of the two middle values for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  return values.length === 0 ? null : medianOfSorted(values.toSorted((a, b) => a - b))
}

/**
 * The median of a resample (n draws with replacement) of `sorted`, in O(n) without sorting: drawing
 * indices and counting them, the k-th smallest index drawn is the position of the k-th smallest value.
 */
function resampledMedian(sorted: readonly number[], random: () => number, counts: Uint32Array): number {
  const n = sorted.length
  counts.fill(0)
  for (let draw = 0; draw < n; draw++) counts[Math.floor(random() * n)]! += 1
  const lower = Math.floor((n - 1) / 2)
  const upper = Math.floor(n / 2)
  let seen = 0
  let lowerValue = 0
  for (let index = 0; index < n; index++) {
    const next = seen + counts[index]!
    if (lower >= seen && lower < next) lowerValue = sorted[index]!
    if (upper >= seen && upper < next) return (lowerValue + sorted[index]!) / 2
    seen = next
  }
  throw new Error('unreachable: n draws were counted')
}

/** 1 − after/before: 0.5 = resolved in half the time (50 % faster), negative = slower. */
const improvementOf = (medianBeforeMs: number, medianAfterMs: number) => 1 - medianAfterMs / medianBeforeMs

export type CohortSize = { resolved: number; open: number }
export type ImprovementInterval = { low: number; high: number; confidence: number }
export type DebuggingTimeComparison = { before: CohortSize; after: CohortSize } & (
  | { verdict: 'too few incidents' }
  /** Half the incidents before resolved in 0 ms: no ratio to take. */
  | { verdict: 'no baseline'; medianBeforeMs: 0; medianAfterMs: number }
  | {
      verdict: 'faster' | 'slower' | 'no clear change'
      medianBeforeMs: number
      medianAfterMs: number
      improvement: number
      interval: ImprovementInterval
    }
)
export type ServiceDebuggingTime = DebuggingTimeComparison & { service: string }

export type DebuggingTimeOptions = {
  /** Resolved incidents each cohort needs before a median means anything. */
  minCohort?: number
  /** Same seed and incidents, same interval. */
  seed: number
  resamples?: number
  confidence?: number
}

type Durations = { before: number[]; after: number[]; open: Record<Cohort, number> }
const emptyDurations = (): Durations => ({ before: [], after: [], open: { before: 0, after: 0 } })

/**
 * Per service (every service with an incident or a go-live, by name) and fleet-wide (each incident
 * once, cohort by cohortOf): the median time-to-resolve before and after, `improvement`, and its
 * percentile-bootstrap interval (each cohort resampled on its own). An incident of several services
 * counts in each one's comparison. Open incidents are counted, not timed; since the long ones are the
 * last to close, many open "after" incidents flatter the after median — show `open` beside it.
 */
export function compareDebuggingTime(
  incidents: readonly ServiceIncident[],
  goLive: GoLive,
  { minCohort = 5, seed, resamples = 2000, confidence = 0.9 }: DebuggingTimeOptions,
): { fleet: DebuggingTimeComparison; services: ServiceDebuggingTime[] } {
  if (!Number.isInteger(minCohort) || minCohort < 1) throw new RangeError(`minCohort must be a whole number ≥ 1, got ${minCohort}`)
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError(`resamples must be a whole number ≥ 1, got ${resamples}`)
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be between 0 and 1, got ${confidence}`)

  const fleet = emptyDurations()
  const byService = new Map<string, Durations>([...goLive.keys()].map((service) => [service, emptyDurations()]))
  const add = (durations: Durations, cohort: Cohort, ms: number | null) => {
    if (ms === null) durations.open[cohort] += 1
    else durations[cohort].push(ms)
  }
  for (const incident of incidents) {
    const ms = timeToResolveMs(incident)
    const fleetCohort = cohortOf(incident, goLive)
    if (!fleetCohort) continue
    add(fleet, fleetCohort, ms)
    for (const service of new Set(incident.services)) {
      if (!byService.has(service)) byService.set(service, emptyDurations())
      add(byService.get(service)!, cohortOf(incident, goLive, service)!, ms)
    }
  }

  const compare = (durations: Durations, stream: string) =>
    compareCohorts(durations, { minCohort, resamples, confidence, random: uniformSource(seedFor(seed, stream)) })
  return {
    // A name no service can have (service names start with a letter or digit) keeps the fleet's stream apart.
    fleet: compare(fleet, '(fleet)'),
    services: [...byService.keys()].sort().map((service) => ({ service, ...compare(byService.get(service)!, service) })),
  }
}

function compareCohorts(
  { before, after, open }: Durations,
  { minCohort, resamples, confidence, random }: { minCohort: number; resamples: number; confidence: number; random: () => number },
): DebuggingTimeComparison {
  const sizes = { before: { resolved: before.length, open: open.before }, after: { resolved: after.length, open: open.after } }
  if (before.length < minCohort || after.length < minCohort) return { ...sizes, verdict: 'too few incidents' }
  const beforeSorted = before.toSorted((a, b) => a - b)
  const afterSorted = after.toSorted((a, b) => a - b)
  const medianBeforeMs = medianOfSorted(beforeSorted)
  const medianAfterMs = medianOfSorted(afterSorted)
  if (medianBeforeMs === 0) return { ...sizes, verdict: 'no baseline', medianBeforeMs, medianAfterMs }

  // A resample whose before median is 0 has no finite ratio: it sorts as −∞ (unboundedly slower).
  const improvements = new Float64Array(resamples)
  const beforeCounts = new Uint32Array(beforeSorted.length)
  const afterCounts = new Uint32Array(afterSorted.length)
  for (let resample = 0; resample < resamples; resample++) {
    const resampledBefore = resampledMedian(beforeSorted, random, beforeCounts)
    const resampledAfter = resampledMedian(afterSorted, random, afterCounts)
    improvements[resample] = resampledBefore === 0 ? -Infinity : improvementOf(resampledBefore, resampledAfter)
  }
  improvements.sort()
  // Percentile interval by rank, without interpolation: 2000 resamples at 90 % → the 101st and 1900th.
  const tail = (1 - confidence) / 2
  const at = (rank: number) => improvements[Math.min(resamples - 1, Math.max(0, rank))]!
  const interval = { low: at(Math.floor(tail * resamples)), high: at(Math.ceil((1 - tail) * resamples) - 1), confidence }
  const verdict = interval.low > 0 ? 'faster' : interval.high < 0 ? 'slower' : 'no clear change'
  return { ...sizes, verdict, medianBeforeMs, medianAfterMs, improvement: improvementOf(medianBeforeMs, medianAfterMs), interval }
}

export type DailyMedian = {
  /** A UTC day, YYYY-MM-DD. */
  day: string
  beforeMedianMs: number | null
  beforeResolved: number
  afterMedianMs: number | null
  afterResolved: number
}

const DAY_MS = 86_400_000
const dayOf = (date: Date) => date.toISOString().slice(0, 10)

/**
 * For a chart: per UTC day, the median time-to-resolve of the incidents resolved that day, before and
 * after tracing (cohortOf: of `service`, or fleet-wide). Every day from the first resolution to the
 * last is present, days without one as nulls, so the time axis has no jumps.
 */
export function dailyMedianSeries(
  incidents: readonly ServiceIncident[],
  goLive: GoLive,
  { service }: { service?: string } = {},
): DailyMedian[] {
  const byDay = new Map<string, { before: number[]; after: number[] }>()
  let first: number | null = null
  let last: number | null = null
  for (const incident of incidents) {
    if (service !== undefined && !incident.services.includes(service)) continue
    const ms = timeToResolveMs(incident)
    const cohort = cohortOf(incident, goLive, service)
    if (ms === null || !cohort || !incident.resolvedAt) continue
    const dayMs = Math.floor(incident.resolvedAt.getTime() / DAY_MS) * DAY_MS
    first = first === null ? dayMs : Math.min(first, dayMs)
    last = last === null ? dayMs : Math.max(last, dayMs)
    const day = dayOf(incident.resolvedAt)
    if (!byDay.has(day)) byDay.set(day, { before: [], after: [] })
    byDay.get(day)![cohort].push(ms)
  }
  if (first === null || last === null) return []
  const series: DailyMedian[] = []
  for (let dayMs = first; dayMs <= last; dayMs += DAY_MS) {
    const day = dayOf(new Date(dayMs))
    const { before, after } = byDay.get(day) ?? { before: [], after: [] }
    series.push({
      day,
      beforeMedianMs: median(before),
      beforeResolved: before.length,
      afterMedianMs: median(after),
      afterResolved: after.length,
    })
  }
  return series
}

// The demo pager's incident history: what a team's PagerDuty would have paged over the weeks before the
// anchor, for the demo fleet's traced services. Pure and seeded: the same (anchor, seed) gives the same
// incidents, ids and times. Time to resolve is log-normal (incident durations are heavy-tailed), with a
// median of 150 min before a service's tracing went live and 60 min after: debugging with traces is
// faster, but the spread is wide and a few slow incidents remain on both sides.
import { FLEET, type FleetService } from '../simulator/fleet'
import { createRandom, hash32, type Random } from '../simulator/random'

const MINUTE_MS = 60_000
const DAY_MS = 1440 * MINUTE_MS

/** Median time to resolve, min, before and after a service's go-live; σ of its logarithm. */
export const TIME_TO_RESOLVE = { beforeMedianMinutes: 150, afterMedianMinutes: 60, sigma: 0.6 } as const
/** Incidents per service per day, by tier (tier 1 pages most). */
const INCIDENTS_PER_DAY: Record<FleetService['tier'], number> = { 1: 1 / 7, 2: 1 / 10, 3: 1 / 14 }

export type PagerOptions = {
  anchorMs: number
  seed: number
  /** Days of history before the anchor the pager covers. */
  historyDays?: number
  /**
   * How far back the demo's worker reads Jaeger (SYNC_BACKFILL_DAYS): the go-live Spanlens records is
   * a service's first span *it has seen*, so a service traced for longer (the pilot) goes live, for
   * Spanlens, this many days before the anchor. The pager's cohorts follow the go-live Spanlens records.
   */
  syncedDays?: number
}

export type PlannedIncident = {
  /** PagerDuty incident id (P + 6 characters) and number. */
  id: string
  number: number
  service: string
  title: string
  urgency: 'high' | 'low'
  triggeredAtMs: number
  /** null: still open at the anchor. */
  resolvedAtMs: number | null
  cohort: 'before' | 'after'
}

const TITLES = [
  (service: FleetService) => `${service.name}: error rate above 5 % for 10 minutes`,
  (service: FleetService) => `${service.name}: p99 latency over SLO`,
  (service: FleetService) => `${service.name}: error budget burning 14× (1 h window)`,
  (service: FleetService) => `${service.name}: health check failing on ${service.instances > 1 ? 'one instance' : 'its instance'}`,
  (service: FleetService) => `${service.name}: requests timing out upstream`,
] as const

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
/** A PagerDuty-style object id: P and 6 upper-case letters or digits (PFQZPSY, PA2P440). */
export const pagerDutyId = (rng: Random) => `P${Array.from({ length: 6 }, () => rng.pick([...ID_ALPHABET])).join('')}`

/** The instant a service's tracing went live as Spanlens will record it; null: not traced yet. */
export function recordedGoLiveMs(service: FleetService, { anchorMs, syncedDays = 14 }: Pick<PagerOptions, 'anchorMs' | 'syncedDays'>) {
  if (service.instrumentedDaysAgo === null) return null
  return anchorMs - Math.min(service.instrumentedDaysAgo, syncedDays) * DAY_MS
}

/** Incidents in time order of their trigger, numbered from 1. */
export function planIncidents({ anchorMs, seed, historyDays = 35, syncedDays = 14 }: PagerOptions): PlannedIncident[] {
  const planned: Omit<PlannedIncident, 'number'>[] = []
  const fromMs = anchorMs - historyDays * DAY_MS
  FLEET.forEach((service, index) => {
    const goLiveMs = recordedGoLiveMs(service, { anchorMs, syncedDays })
    if (!service.inCatalog || goLiveMs === null) return
    const rng = createRandom(hash32(seed, index, 0x9a6e))
    const rate = INCIDENTS_PER_DAY[service.tier]
    // A Poisson process: exponential gaps between triggers.
    for (
      let atMs = fromMs + (-Math.log(1 - rng.next()) / rate) * DAY_MS;
      atMs < anchorMs;
      atMs += (-Math.log(1 - rng.next()) / rate) * DAY_MS
    ) {
      const cohort = atMs < goLiveMs ? 'before' : 'after'
      const medianMinutes = cohort === 'before' ? TIME_TO_RESOLVE.beforeMedianMinutes : TIME_TO_RESOLVE.afterMedianMinutes
      const resolveMs = Math.round(medianMinutes * Math.exp(TIME_TO_RESOLVE.sigma * rng.normal()) * MINUTE_MS)
      const triggeredAtMs = Math.round(atMs / 1000) * 1000
      const resolvedAtMs = triggeredAtMs + resolveMs
      planned.push({
        id: pagerDutyId(rng),
        service: service.name,
        title: rng.pick(TITLES)(service),
        urgency: service.tier === 1 || rng.chance(0.5) ? 'high' : 'low',
        triggeredAtMs,
        // Still being worked on at the anchor: open, left out of the comparison.
        resolvedAtMs: resolvedAtMs < anchorMs ? resolvedAtMs : null,
        cohort,
      })
    }
  })
  return planned
    .sort((a, b) => a.triggeredAtMs - b.triggeredAtMs || (a.id < b.id ? -1 : 1))
    .map((incident, index) => ({ ...incident, number: index + 1 }))
}

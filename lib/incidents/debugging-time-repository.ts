// The debugging-time comparison (DESIGN.md: "50 % faster debugging"): every incident's time to resolve,
// before and after its services' go-live, fleet-wide and per service, with the points for the chart.
import { db } from '@/lib/db/client'
import { inventoryGoLive } from './repository'
import {
  cohortOf,
  compareDebuggingTime,
  startOf,
  timeToResolveMs,
  type Cohort,
  type DebuggingTimeComparison,
  type ServiceDebuggingTime,
} from './time-to-resolve'

/** Same incidents, same interval: the bootstrap is seeded. */
const DEBUGGING_TIME_SEED = 20_260_301
/** Resolved incidents each side needs before its median is shown as a comparison. */
export const MIN_COHORT = 5

export type TimeToResolvePoint = { startedAtMs: number; timeToResolveMs: number; cohort: Cohort; services: string[] }
export type DebuggingTimeReport = {
  fleet: DebuggingTimeComparison
  /** Services with at least one incident, by name. */
  services: ServiceDebuggingTime[]
  /** Resolved incidents, fleet-wide cohort, for the chart. */
  points: TimeToResolvePoint[]
  /** Incidents none of whose services is in the inventory: no go-live to compare with, so left out. */
  unmatchedIncidents: number
  minCohort: number
}

/** The debugging-time target's evidence: every incident with an inventory service, against each service's go-live. */
export async function getDebuggingTimeReport(): Promise<DebuggingTimeReport> {
  const [incidents, goLive] = await Promise.all([
    db.incident.findMany({ select: { services: true, startedAt: true, detectedAt: true, resolvedAt: true } }),
    inventoryGoLive(),
  ])
  let unmatchedIncidents = 0
  const compared = incidents.flatMap((incident) => {
    const services = incident.services.filter((name) => goLive.has(name))
    if (services.length === 0) {
      unmatchedIncidents += 1
      return []
    }
    return [{ ...incident, services }]
  })
  const { fleet, services } = compareDebuggingTime(compared, goLive, { seed: DEBUGGING_TIME_SEED, minCohort: MIN_COHORT })
  const points = compared.flatMap((incident) => {
    const ms = timeToResolveMs(incident)
    const start = startOf(incident)
    const cohort = cohortOf(incident, goLive)
    return ms === null || !start || !cohort
      ? []
      : [{ startedAtMs: start.getTime(), timeToResolveMs: ms, cohort, services: incident.services }]
  })
  const withIncidents = services.filter(({ before, after }) => before.resolved + before.open + after.resolved + after.open > 0)
  return { fleet, services: withIncidents, points, unmatchedIncidents, minCohort: MIN_COHORT }
}

// Incidents as the incidents page lists them: filtered, a page at a time, each with its time to resolve
// and its cohort (before or after go-live); and the services they name, for the filter.
import { db, Prisma } from '@/lib/db/client'
import { inventoryGoLive } from './repository'
import { INCIDENT_PAGE_SIZE, type IncidentListQuery } from './schemas'
import { startOf, timeToResolveMs, type Cohort } from './time-to-resolve'

export type IncidentRow = {
  id: string
  source: string
  externalId: string
  title: string | null
  services: string[]
  /** Services of `services` that are not in the inventory (kept as their sender named them). */
  unmatchedServices: string[]
  startedAt: Date | null
  detectedAt: Date | null
  acknowledgedAt: Date | null
  resolvedAt: Date | null
  timeToResolveMs: number | null
  tracesUsed: boolean | null
  traceIds: string[]
  url: string | null
  /** Before or after go-live (of the filtered service, else the earliest of its services); null without a start. */
  cohort: Cohort | null
}

export type IncidentList = { incidents: IncidentRow[]; total: number; page: number; pageCount: number }

type ListedRow = {
  id: string
  source: string
  external_id: string
  title: string | null
  services: string[]
  started_at: Date | null
  detected_at: Date | null
  acknowledged_at: Date | null
  resolved_at: Date | null
  traces_used: boolean | null
  trace_ids: string[]
  url: string | null
  go_live_at: Date | null
  total: bigint
}

/**
 * Newest first (by start, else detection), INCIDENT_PAGE_SIZE a page. `cohort` compares the start with
 * the go-live of `service` when one is filtered on, else with the earliest go-live of the incident's
 * services (cohortOf's rule); an incident with no traced service is "before".
 */
export async function listIncidents(query: IncidentListQuery): Promise<IncidentList> {
  const { service, cohort, status, page } = query
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`]
  if (service) conditions.push(Prisma.sql`${service} = ANY(services)`)
  if (status === 'resolved') conditions.push(Prisma.sql`resolved_at IS NOT NULL`)
  if (status === 'open') conditions.push(Prisma.sql`resolved_at IS NULL`)
  if (cohort === 'after') conditions.push(Prisma.sql`go_live_at IS NOT NULL AND start_at >= go_live_at`)
  if (cohort === 'before') conditions.push(Prisma.sql`start_at IS NOT NULL AND (go_live_at IS NULL OR start_at < go_live_at)`)
  const scope = service ? Prisma.sql`ARRAY[${service}]::text[]` : Prisma.sql`i.services`
  const [rows, goLive] = await Promise.all([
    db.$queryRaw<ListedRow[]>`
      WITH listed AS (
        SELECT i.*, COALESCE(i.started_at, i.detected_at) AS start_at,
          (SELECT min(s.go_live_at) FROM services s WHERE s.origin = 'inventory' AND s.name = ANY(${scope})) AS go_live_at
        FROM incidents i
      )
      SELECT id::text AS id, source, external_id, title, services, started_at, detected_at, acknowledged_at, resolved_at,
        traces_used, trace_ids, url, go_live_at, count(*) OVER () AS total
      FROM listed
      WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY start_at DESC NULLS LAST, id
      LIMIT ${INCIDENT_PAGE_SIZE} OFFSET ${(page - 1) * INCIDENT_PAGE_SIZE}`,
    inventoryGoLive(),
  ])
  const total = Number(rows[0]?.total ?? (page > 1 ? await countIncidents(conditions, scope) : 0))
  return {
    incidents: rows.map((row) => {
      const times = { startedAt: row.started_at, detectedAt: row.detected_at, resolvedAt: row.resolved_at }
      const start = startOf(times)
      return {
        id: row.id,
        source: row.source,
        externalId: row.external_id,
        title: row.title,
        services: row.services,
        unmatchedServices: row.services.filter((name) => !goLive.has(name)),
        ...times,
        acknowledgedAt: row.acknowledged_at,
        timeToResolveMs: timeToResolveMs(times),
        tracesUsed: row.traces_used,
        traceIds: row.trace_ids,
        url: row.url,
        cohort: start ? (row.go_live_at && start >= row.go_live_at ? 'after' : 'before') : null,
      }
    }),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / INCIDENT_PAGE_SIZE)),
  }
}

/** The count behind a page past the end (no row there to carry it). */
async function countIncidents(conditions: Prisma.Sql[], scope: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<{ total: bigint }[]>`
    WITH listed AS (
      SELECT i.*, COALESCE(i.started_at, i.detected_at) AS start_at,
        (SELECT min(s.go_live_at) FROM services s WHERE s.origin = 'inventory' AND s.name = ANY(${scope})) AS go_live_at
      FROM incidents i
    )
    SELECT count(*) AS total FROM listed WHERE ${Prisma.join(conditions, ' AND ')}`
  return Number(row?.total ?? 0)
}

/** Service names that appear in incidents, inventory ones first, for the page's filter. */
export async function listIncidentServices(): Promise<{ name: string; inInventory: boolean }[]> {
  const [rows, goLive] = await Promise.all([
    db.$queryRaw<{ name: string }[]>`SELECT DISTINCT unnest(services) AS name FROM incidents ORDER BY 1`,
    inventoryGoLive(),
  ])
  return rows
    .map(({ name }) => ({ name, inInventory: goLive.has(name) }))
    .sort((a, b) => Number(b.inInventory) - Number(a.inInventory) || a.name.localeCompare(b.name))
}

// Incidents in and out of Postgres: recorded by form, imported from CSV (all or nothing), received by
// PagerDuty's webhook (idempotent per event id) or ours (idempotent per source and id); listed with
// filters; and read for the debugging-time comparison. Service names are matched to the inventory as
// they arrive (service-names.ts); a name matching none is stored as given and shown as unmatched.
import { saveAuditEntry } from '@/lib/audit/repository'
import { db, Prisma } from '@/lib/db/client'
import { InvalidInputError } from '@/lib/errors'
import { parseIncidentsCsv, type IncidentsCsvError } from './incidents-csv'
import { applyPagerDutyEvent, type PagerDutyEvent } from './pagerduty-webhook'
import { INCIDENT_PAGE_SIZE, type IncidentInput, type IncidentListQuery } from './schemas'
import { indexServiceNames, matchServiceNames, type ServiceNameIndex } from './service-names'
import {
  cohortOf,
  compareDebuggingTime,
  startOf,
  timeToResolveMs,
  type Cohort,
  type DebuggingTimeComparison,
  type ServiceDebuggingTime,
} from './time-to-resolve'

type Tx = Prisma.TransactionClient
type Actor = { by: string | null }

/** Where an incident came from when its sender names no source (the `source` column). */
export const INCIDENT_SOURCES = { form: 'form', csv: 'csv', webhook: 'webhook', pagerduty: 'pagerduty' } as const

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

/** Inventory services (retired ones too: incidents are history) and their go-live. */
async function inventoryGoLive(client: Tx | typeof db = db): Promise<Map<string, Date | null>> {
  const services = await client.service.findMany({ where: { origin: 'inventory' }, select: { name: true, goLiveAt: true } })
  return new Map(services.map((service) => [service.name, service.goLiveAt]))
}

async function serviceNameIndex(client: Tx | typeof db = db): Promise<ServiceNameIndex> {
  return indexServiceNames([...(await inventoryGoLive(client)).keys()])
}

// One upsert for the form, the CSV and our webhook. An existing (source, external_id) takes the new
// values; when nothing differs the row is left alone and not returned, so a replay is "unchanged".
// acknowledged_at and url are PagerDuty's: these senders have neither, so an update keeps them.
type UpsertRow = {
  source: string
  externalId: string
  title: string | null
  services: string[]
  startedAt: Date | null
  detectedAt: Date | null
  resolvedAt: Date | null
  tracesUsed: boolean | null
  traceIds: string[]
}
type UpsertCounts = { created: number; updated: number; unchanged: number; ids: string[] }
/** Rows per statement: a 10,000-row file is 10 statements, in the caller's one transaction. */
const UPSERT_CHUNK = 1000

async function upsertIncidents(tx: Tx, rows: readonly UpsertRow[]): Promise<UpsertCounts> {
  const counts: UpsertCounts = { created: 0, updated: 0, unchanged: 0, ids: [] }
  for (let start = 0; start < rows.length; start += UPSERT_CHUNK) {
    const chunk = rows.slice(start, start + UPSERT_CHUNK).map((row) => ({
      source: row.source,
      external_id: row.externalId,
      title: row.title,
      services: row.services,
      started_at: row.startedAt?.toISOString() ?? null,
      detected_at: row.detectedAt?.toISOString() ?? null,
      resolved_at: row.resolvedAt?.toISOString() ?? null,
      traces_used: row.tracesUsed,
      trace_ids: row.traceIds,
    }))
    const written = await tx.$queryRaw<{ id: string; inserted: boolean }[]>`
      INSERT INTO incidents (id, source, external_id, title, services, started_at, detected_at, resolved_at, traces_used, trace_ids, updated_at)
      SELECT gen_random_uuid(), r.source, r.external_id, r.title, r.services, r.started_at, r.detected_at, r.resolved_at, r.traces_used, r.trace_ids, now()
      FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS r(
        source text, external_id text, title text, services text[], started_at timestamptz, detected_at timestamptz,
        resolved_at timestamptz, traces_used boolean, trace_ids text[])
      ON CONFLICT (source, external_id) DO UPDATE SET
        title = EXCLUDED.title, services = EXCLUDED.services, started_at = EXCLUDED.started_at, detected_at = EXCLUDED.detected_at,
        resolved_at = EXCLUDED.resolved_at, traces_used = EXCLUDED.traces_used, trace_ids = EXCLUDED.trace_ids, updated_at = now()
      WHERE (incidents.title, incidents.services, incidents.started_at, incidents.detected_at, incidents.resolved_at,
             incidents.traces_used, incidents.trace_ids)
        IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.services, EXCLUDED.started_at, EXCLUDED.detected_at, EXCLUDED.resolved_at,
             EXCLUDED.traces_used, EXCLUDED.trace_ids)
      RETURNING id::text AS id, (xmax = 0) AS inserted`
    for (const row of written) {
      counts.ids.push(row.id)
      if (row.inserted) counts.created += 1
      else counts.updated += 1
    }
    counts.unchanged += chunk.length - written.length
  }
  return counts
}

const upsertRowOf = (input: IncidentInput, source: string, index: ServiceNameIndex): UpsertRow => ({
  source,
  externalId: input.id,
  title: input.title,
  services: matchServiceNames(input.services, index).services,
  startedAt: input.startedAt,
  detectedAt: input.detectedAt,
  resolvedAt: input.resolvedAt,
  tracesUsed: input.tracesUsed,
  traceIds: input.traceIds,
})

/** Records one incident from the form (audited). An id already recorded by hand is refused, naming the field. */
export async function saveIncident(input: IncidentInput, { by }: Actor): Promise<{ id: string; externalId: string; services: string[] }> {
  const source = input.source ?? INCIDENT_SOURCES.form
  return db.$transaction(async (tx) => {
    const existing = await tx.incident.findUnique({ where: { source_externalId: { source, externalId: input.id } }, select: { id: true } })
    if (existing) throw new InvalidInputError([{ path: 'id', message: `incident ${input.id} is already recorded` }])
    const row = upsertRowOf(input, source, await serviceNameIndex(tx))
    const { ids } = await upsertIncidents(tx, [row])
    const id = ids[0]!
    await saveAuditEntry(tx, by, {
      action: 'incident.create',
      subjectType: 'incident',
      subjectId: id,
      details: { source, externalId: input.id, services: row.services },
    })
    return { id, externalId: input.id, services: row.services }
  })
}

export type IncidentsCsvResult =
  { ok: true; created: number; updated: number; unchanged: number } | { ok: false; errors: IncidentsCsvError[] }

/**
 * Imports a CSV (incidents-csv.ts) all or nothing: any line with a problem and nothing is written; else
 * every row in one transaction with one audit row. A row whose (source, external_id) is already stored
 * updates that incident: importing a corrected export again fixes it instead of failing, and the
 * same file twice changes nothing. `source` defaults to csv.
 */
export async function importIncidentsCsv(text: string, { by, fileName }: Actor & { fileName: string }): Promise<IncidentsCsvResult> {
  const parsed = parseIncidentsCsv(text)
  if (!parsed.ok) return parsed
  return db.$transaction(
    async (tx) => {
      const index = await serviceNameIndex(tx)
      const counts = await upsertIncidents(
        tx,
        parsed.rows.map(({ incident }) => upsertRowOf(incident, incident.source ?? INCIDENT_SOURCES.csv, index)),
      )
      await saveAuditEntry(tx, by, {
        action: 'incident.import',
        subjectType: 'incident',
        subjectId: fileName || '(unnamed file)',
        details: { rows: parsed.rows.length, created: counts.created, updated: counts.updated, unchanged: counts.unchanged },
      })
      return { ok: true as const, created: counts.created, updated: counts.updated, unchanged: counts.unchanged }
    },
    { timeout: 60_000 },
  )
}

/**
 * Our signed webhook's incident, idempotent by (source, id): the first delivery creates it, a later one
 * with other values updates it (the sender's latest word counts), a replay changes nothing.
 */
export async function applyIncidentWebhook(
  input: IncidentInput,
): Promise<{ id: string | null; status: 'created' | 'updated' | 'unchanged' }> {
  return db.$transaction(async (tx) => {
    const counts = await upsertIncidents(tx, [upsertRowOf(input, input.source ?? INCIDENT_SOURCES.webhook, await serviceNameIndex(tx))])
    const status = counts.created ? 'created' : counts.updated ? 'updated' : 'unchanged'
    return { id: counts.ids[0] ?? null, status }
  })
}

/** PagerDuty's text is read as any JSON string; Postgres text cannot hold NUL, so it becomes U+FFFD here. */
const storable = (text: string) => text.replaceAll('\u0000', '\ufffd')

/**
 * One PagerDuty incident event, exactly once: the delivery's event id is recorded first, in the same
 * transaction, so a replay (PagerDuty retries, or an attacker resending a signed body) finds it and
 * changes nothing. The incident row is locked while its times are recomputed, so events of one incident
 * arriving together (triggered and resolved) both count, in whatever order (applyPagerDutyEvent).
 */
export async function applyPagerDutyIncidentEvent(
  event: Extract<PagerDutyEvent, { kind: 'incident' }>,
): Promise<{ status: 'applied' | 'replay'; id: string | null }> {
  return db.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.createMany({
      data: [{ source: INCIDENT_SOURCES.pagerduty, eventId: storable(event.eventId) }],
      skipDuplicates: true,
    })
    if (delivery.count === 0) return { status: 'replay' as const, id: null }
    const incident = {
      ...event.incident,
      externalId: storable(event.incident.externalId),
      title: storable(event.incident.title),
      serviceName: storable(event.incident.serviceName),
      htmlUrl: storable(event.incident.htmlUrl),
    }
    const key = { source: INCIDENT_SOURCES.pagerduty, externalId: incident.externalId }
    const { services } = matchServiceNames([incident.serviceName], await serviceNameIndex(tx))
    await tx.incident.createMany({ data: [{ ...key, title: incident.title, services, url: incident.htmlUrl }], skipDuplicates: true })
    await tx.$queryRaw`SELECT 1 FROM incidents WHERE source = ${key.source} AND external_id = ${key.externalId} FOR UPDATE`
    const current = await tx.incident.findUniqueOrThrow({ where: { source_externalId: key } })
    const times = applyPagerDutyEvent(current, event)
    const updated = await tx.incident.update({
      where: { id: current.id },
      // PagerDuty's trigger is both the start we know of and the detection.
      data: { ...times, detectedAt: times.startedAt, title: incident.title, services, url: incident.htmlUrl },
      select: { id: true },
    })
    return { status: 'applied' as const, id: updated.id }
  })
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

// Incidents in and out of Postgres: recorded by form, imported from CSV (all or nothing), received by
// PagerDuty's webhook (idempotent per event id) or ours (idempotent per source and id). Listed in
// incident-list-repository.ts, compared in debugging-time-repository.ts. Service names are matched to the inventory as
// they arrive (service-names.ts); a name matching none is stored as given and shown as unmatched.
import { saveAuditEntry } from '@/lib/audit/repository'
import { db, Prisma } from '@/lib/db/client'
import { InvalidInputError } from '@/lib/errors'
import { parseIncidentsCsv, type IncidentsCsvError } from './incidents-csv'
import { applyPagerDutyEvent, type PagerDutyEvent } from './pagerduty-webhook'
import type { IncidentInput } from './schemas'
import { indexServiceNames, matchServiceNames, type ServiceNameIndex } from './service-names'

type Tx = Prisma.TransactionClient
type Actor = { by: string | null }

/** Where an incident came from when its sender names no source (the `source` column). */
export const INCIDENT_SOURCES = { form: 'form', csv: 'csv', webhook: 'webhook', pagerduty: 'pagerduty' } as const

/** Inventory services (retired ones too: incidents are history) and their go-live. */
export async function inventoryGoLive(client: Tx | typeof db = db): Promise<Map<string, Date | null>> {
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

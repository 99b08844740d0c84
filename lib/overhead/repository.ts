// Overhead measurements in the database: saved (one per form entry, API post or k6 pair; audited with
// who or which token), listed per service, the latest of each service, and the overview the overhead
// page shows: every inventory service with its latest, whether it is traced, and the fleet average.
import { saveAuditEntry } from '@/lib/audit/repository'
import { db, Prisma } from '@/lib/db/client'
import { InvalidInputError } from '@/lib/errors'
import { computeFleetOverhead, type FleetOverhead } from './fleet-overhead'
import { computeOverheadMs } from './overhead-ms'
import type { OverheadMeasurement, OverheadMeasurementInput, OverheadMethod, OverheadSource } from './schemas'
import { listServicesWithSpansSince } from '@/lib/latency/traced-services-repository'

/** The service is not one of the inventory's (unknown, discovered only, or retired): the API answers 422. */
export class NotInInventoryError extends InvalidInputError {
  override name = 'NotInInventoryError'
  constructor(service: string, why: string) {
    super([{ path: 'service', message: `${service} ${why}` }])
  }
}

/** Who records a measurement: a signed-in user or an API token (name and prefix, for the audit row). */
export type OverheadRecorder = { by: string | null; token?: { id: string; name: string; prefix: string } | null }

const DAY_MS = 86_400_000
/** Rows a list returns at most (a load test a day for a year per service is far below it). */
const MAX_ROWS = 5_000

type MeasurementRow = {
  id: string
  service: string
  p50_on_ms: number
  p50_off_ms: number
  p95_on_ms: number
  p95_off_ms: number
  mean_on_ms: number | null
  mean_off_ms: number | null
  samples_on: number
  samples_off: number
  overhead_ms: number
  method: OverheadMethod
  environment: string
  notes: string | null
  measured_at: Date
  source: OverheadSource
  recorded_by: string | null
  created_at: Date
}

const SELECT_MEASUREMENT = Prisma.sql`
  m.id::text, m.service, m.p50_on_ms, m.p50_off_ms, m.p95_on_ms, m.p95_off_ms, m.mean_on_ms, m.mean_off_ms,
  m.samples_on, m.samples_off, m.overhead_ms, m.method::text AS method, m.environment, m.notes, m.measured_at, m.source,
  COALESCE(u.email, t.name || ' (' || t.prefix || '…)') AS recorded_by, m.created_at
  FROM overhead_measurements m
  LEFT JOIN users u ON u.id = m.created_by_id
  LEFT JOIN api_tokens t ON t.id = m.token_id`

const toMeasurement = (row: MeasurementRow): OverheadMeasurement => ({
  id: row.id,
  service: row.service,
  p50OnMs: row.p50_on_ms,
  p50OffMs: row.p50_off_ms,
  p95OnMs: row.p95_on_ms,
  p95OffMs: row.p95_off_ms,
  meanOnMs: row.mean_on_ms,
  meanOffMs: row.mean_off_ms,
  samplesOn: row.samples_on,
  samplesOff: row.samples_off,
  overheadMs: row.overhead_ms,
  method: row.method,
  environment: row.environment,
  notes: row.notes,
  measuredAt: row.measured_at.toISOString(),
  source: row.source,
  recordedBy: row.recorded_by,
  createdAt: row.created_at.toISOString(),
})

/** Saves one measurement of an inventory service with its computed overhead; the audit row commits with it. */
export async function saveOverheadMeasurement(
  input: OverheadMeasurementInput,
  { source, by, token = null }: OverheadRecorder & { source: OverheadSource },
): Promise<OverheadMeasurement> {
  const id = await db.$transaction(async (tx) => {
    const service = await tx.service.findUnique({ where: { name: input.service }, select: { origin: true, retiredAt: true } })
    if (!service) throw new NotInInventoryError(input.service, 'is not in the inventory')
    if (service.origin !== 'inventory')
      throw new NotInInventoryError(input.service, 'was discovered in Jaeger but is not in the inventory yet')
    if (service.retiredAt) throw new NotInInventoryError(input.service, 'is retired from the inventory')
    const overheadMs = computeOverheadMs(input)
    const saved = await tx.overheadMeasurement.create({
      data: {
        ...input,
        notes: input.notes ?? null,
        measuredAt: new Date(input.measuredAt),
        overheadMs,
        source,
        createdById: by,
        tokenId: token?.id ?? null,
      },
      select: { id: true },
    })
    await saveAuditEntry(tx, by, {
      action: 'overhead.record',
      subjectType: 'service',
      subjectId: input.service,
      details: {
        measurement: saved.id,
        overheadMs,
        source,
        environment: input.environment,
        measuredAt: input.measuredAt,
        ...(token ? { token: `${token.name} (${token.prefix}…)` } : {}),
      },
    })
    return saved.id
  })
  const [saved] = await db.$queryRaw<MeasurementRow[]>`SELECT ${SELECT_MEASUREMENT} WHERE m.id = ${id}::uuid`
  return toMeasurement(saved!)
}

/** Newest first (by when measured); one service's, or every service's. */
export async function listOverheadMeasurements({ service, limit = MAX_ROWS }: { service?: string; limit?: number } = {}): Promise<
  OverheadMeasurement[]
> {
  const where = service === undefined ? Prisma.empty : Prisma.sql`WHERE m.service = ${service}`
  const rows = await db.$queryRaw<MeasurementRow[]>`
    SELECT ${SELECT_MEASUREMENT} ${where} ORDER BY m.measured_at DESC, m.created_at DESC LIMIT ${Math.min(limit, MAX_ROWS)}`
  return rows.map(toMeasurement)
}

/** Each service's latest measurement (by when measured; the later entered of a tie). */
export async function listLatestOverheadMeasurements(): Promise<Map<string, OverheadMeasurement>> {
  const rows = await db.$queryRaw<MeasurementRow[]>`
    SELECT DISTINCT ON (m.service) ${SELECT_MEASUREMENT} ORDER BY m.service, m.measured_at DESC, m.created_at DESC`
  return new Map(rows.map((row) => [row.service, toMeasurement(row)]))
}

export type ServiceOverheadView = {
  service: string
  team: string | null
  wave: number | null
  /** Spans seen in the last 24 h. */
  traced: boolean
  latest: OverheadMeasurement | null
  /** Oldest first, for the chart. */
  history: OverheadMeasurement[]
}

export type OverheadOverview = { services: ServiceOverheadView[]; fleet: FleetOverhead; generatedAt: string }

/**
 * Every inventory service (retired ones left out) with its latest measurement and history, whether it
 * is traced (spans in the last 24 h, as the rollout board counts it), and the fleet average over the
 * traced ones (fleet-overhead.ts).
 */
export async function getOverheadOverview({ now = new Date() }: { now?: Date } = {}): Promise<OverheadOverview> {
  const inventory = await db.service.findMany({
    where: { origin: 'inventory', retiredAt: null },
    select: { name: true, team: true, rolloutWave: true },
    orderBy: [{ rolloutWave: { sort: 'asc', nulls: 'last' } }, { name: 'asc' }],
  })
  const names = inventory.map((service) => service.name)
  const [measurements, recent] = await Promise.all([
    db.$queryRaw<MeasurementRow[]>`
      SELECT ${SELECT_MEASUREMENT} WHERE m.service = ANY(${names}::text[])
      ORDER BY m.measured_at DESC, m.created_at DESC LIMIT ${MAX_ROWS * 4}`,
    listServicesWithSpansSince(names, new Date(now.getTime() - DAY_MS)),
  ])
  const historyOf = new Map<string, OverheadMeasurement[]>()
  // Newest first from the query (so a cap keeps the recent ones), oldest first in each history.
  for (const row of measurements.toReversed()) {
    const list = historyOf.get(row.service) ?? []
    list.push(toMeasurement(row))
    historyOf.set(row.service, list)
  }
  const traced = recent
  const services = inventory.map((service): ServiceOverheadView => {
    const history = historyOf.get(service.name) ?? []
    return {
      service: service.name,
      team: service.team,
      wave: service.rolloutWave,
      traced: traced.has(service.name),
      latest: history.at(-1) ?? null,
      history,
    }
  })
  const fleet = computeFleetOverhead(
    services.map((service) => ({ service: service.service, traced: service.traced, latestOverheadMs: service.latest?.overheadMs ?? null })),
  )
  return { services, fleet, generatedAt: now.toISOString() }
}

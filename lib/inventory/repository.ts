// The service inventory: what we expect to trace (origin inventory) and what Jaeger showed us that we
// did not (origin discovered). Every change commits with its audit rows. Services are never deleted —
// the worker's sync state hangs off them — only retired.
import { saveAuditEntry } from '@/lib/audit/repository'
import { db, type Prisma } from '@/lib/db/client'
import { inSerializableTransaction } from '@/lib/db/serializable'
import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/errors'
import { parseCatalogFile, type CatalogFormat } from './catalog-file'
import {
  diffFields,
  EMPTY_FIELDS,
  planCatalogImport,
  SERVICE_FIELDS,
  type CatalogImportResult,
  type FieldChange,
  type ServiceChanges,
  type ServiceFields,
  type ServiceRecord,
} from './catalog-import'
import type { AdoptServiceInput, InventoryEntry, InventoryServiceInput, RetireServiceInput } from './schemas'

type Tx = Prisma.TransactionClient
type Actor = { by: string | null }

export type InventoryService = {
  name: string
  origin: 'inventory' | 'discovered'
  team: string | null
  owner: string | null
  tier: number | null
  rolloutWave: number | null
  plannedDate: Date | null
  expectedOperations: string[]
  discoveredAt: Date | null
  catalogName: string | null
  lifecycle: string | null
  system: string | null
  retiredAt: Date | null
  goLiveAt: Date | null
}

const INVENTORY_FIELDS = {
  name: true,
  origin: true,
  team: true,
  owner: true,
  tier: true,
  rolloutWave: true,
  plannedDate: true,
  expectedOperations: true,
  discoveredAt: true,
  catalogName: true,
  lifecycle: true,
  system: true,
  retiredAt: true,
  goLiveAt: true,
} as const satisfies Prisma.ServiceSelect

export function listInventory(): Promise<InventoryService[]> {
  return db.service.findMany({
    select: INVENTORY_FIELDS,
    orderBy: [{ origin: 'asc' }, { rolloutWave: { sort: 'asc', nulls: 'last' } }, { name: 'asc' }],
  })
}

/** Inventory services that are not retired, and discovered ones. */
export async function countInventory(): Promise<{ inventory: number; discovered: number }> {
  const [inventory, discovered] = await Promise.all([
    db.service.count({ where: { origin: 'inventory', retiredAt: null } }),
    db.service.count({ where: { origin: 'discovered' } }),
  ])
  return { inventory, discovered }
}

/** Inserts or updates catalog services (by name) in one transaction, audited; leaves other services alone. The seed's path. */
export async function saveInventoryCatalog(entries: InventoryEntry[], { by }: { by: string | null }): Promise<number> {
  return db.$transaction(async (tx) => {
    for (const { wave, plannedDate, ...entry } of entries) {
      const fields = { ...entry, origin: 'inventory' as const, rolloutWave: wave, plannedDate: new Date(`${plannedDate}T00:00:00Z`) }
      await tx.service.upsert({ where: { name: entry.name }, create: fields, update: fields })
    }
    await saveAuditEntry(tx, by, {
      action: 'inventory.import',
      subjectType: 'inventory',
      subjectId: 'catalog',
      details: { services: entries.length },
    })
    return entries.length
  })
}

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null)

const RECORD_FIELDS = { ...INVENTORY_FIELDS, discoveredAt: false, goLiveAt: false } as const satisfies Prisma.ServiceSelect

function recordOf(service: Prisma.ServiceGetPayload<{ select: typeof RECORD_FIELDS }>): ServiceRecord {
  const { retiredAt, plannedDate, ...rest } = service
  return { ...rest, plannedDate: day(plannedDate), retired: retiredAt !== null }
}

/** Stored values for fields as planned (dates are YYYY-MM-DD, stored as a Postgres date). */
function dataOf(fields: Partial<ServiceFields>): Prisma.ServiceUpdateInput {
  const { plannedDate, ...rest } = fields
  return { ...rest, ...(plannedDate !== undefined && { plannedDate: plannedDate === null ? null : new Date(`${plannedDate}T00:00:00Z`) }) }
}

/** The changes as written: each field's new value; `origin` and `retired` as columns. */
function updateOf(changes: ServiceChanges, now: Date): Prisma.ServiceUpdateInput {
  const fields = Object.fromEntries(
    SERVICE_FIELDS.filter((field) => changes[field]).map((field) => [field, (changes[field] as FieldChange).to]),
  ) as Partial<ServiceFields>
  return {
    ...dataOf(fields),
    ...(changes.origin && { origin: changes.origin.to as 'inventory' }),
    ...(changes.retired && { retiredAt: changes.retired.to ? now : null }),
  }
}

async function findRecord(tx: Tx, name: string): Promise<ServiceRecord | null> {
  const service = await tx.service.findUnique({ where: { name }, select: RECORD_FIELDS })
  return service ? recordOf(service) : null
}

/** Only the fields that were given a value: what a new service's audit row says it was added with. */
const givenOf = (fields: ServiceFields) =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && !(Array.isArray(value) && value.length === 0)))

export type CatalogImportOptions = {
  fileName?: string | null
  /** Read the text as this format; without it, told from the file name and the content. */
  format?: CatalogFormat
  retireMissing?: boolean
  /** Plan only: report what would change, write nothing. */
  dryRun?: boolean
}

/** A file name that makes parseCatalogFile read the text as `format`. */
const FORMAT_FILE_NAMES: Record<CatalogFormat, string> = { yaml: 'catalog.yaml', csv: 'catalog.csv', backstage: 'catalog-info.yaml' }

/**
 * Imports a catalog file all or nothing: a file with any problem writes nothing and comes back with
 * every problem's line; otherwise the plan (lib/inventory/catalog-import.ts) is written in one
 * serializable transaction with an audit row for the import and one per service it changed.
 */
export async function importCatalogFile(
  text: string,
  options: CatalogImportOptions,
  { by, token }: Actor & { token?: { name: string; prefix: string } | null },
): Promise<CatalogImportResult> {
  const fileName = options.format ? FORMAT_FILE_NAMES[options.format] : (options.fileName ?? undefined)
  const parsed = parseCatalogFile(text, { fileName })
  if (!parsed.ok) return parsed
  const { format, entries, skipped } = parsed
  const retireMissing = options.retireMissing ?? false
  const dryRun = options.dryRun ?? false
  const plan = async (tx: Tx) =>
    planCatalogImport((await tx.service.findMany({ select: RECORD_FIELDS })).map(recordOf), entries, { retireMissing })
  if (dryRun) return { ok: true, format, dryRun, skipped, ...(await plan(db)) }
  const applied = await inSerializableTransaction(async (tx) => {
    const planned = await plan(tx)
    const now = new Date()
    const via = { via: 'import' }
    for (const change of planned.changes) {
      if (change.kind === 'add') {
        await tx.service.create({ data: { name: change.name, origin: 'inventory', ...dataOf(change.fields) } as Prisma.ServiceCreateInput })
        await audit(tx, by, 'inventory.service.add', change.name, { ...via, ...givenOf(change.fields) })
      } else {
        await tx.service.update({ where: { name: change.name }, data: updateOf(change.changes, now) })
        const action =
          change.kind === 'retire'
            ? 'inventory.service.retire'
            : change.changes.origin
              ? 'inventory.service.adopt'
              : 'inventory.service.edit'
        await audit(tx, by, action, change.name, { ...via, ...change.changes })
      }
    }
    const { added, updated, unchanged, retired } = planned
    await saveAuditEntry(tx, by, {
      action: 'inventory.import',
      subjectType: 'inventory',
      subjectId: 'catalog',
      details: {
        format,
        file: options.fileName ?? null,
        retireMissing,
        added,
        updated,
        unchanged,
        retired,
        ...(token && { token: `${token.name} (${token.prefix}…)` }),
      },
    })
    return planned
  })
  return { ok: true, format, dryRun, skipped, ...applied }
}

function audit(tx: Tx, by: string | null, action: string, service: string, details: Record<string, unknown>) {
  return saveAuditEntry(tx, by, { action, subjectType: 'service', subjectId: service, details: { service, ...details } })
}

export type SavedService = { name: string; changes: ServiceChanges }

const fieldsOfInput = ({
  serviceName: _name,
  wave,
  ...input
}: Omit<InventoryServiceInput, 'catalogName'>): Omit<ServiceFields, 'catalogName'> => ({
  ...input,
  rolloutWave: wave,
})

/**
 * Adds a service to the inventory. A name Jaeger already showed us (discovered) is adopted with these
 * fields; a name already in the inventory is refused (edit it instead).
 */
export function addService(input: InventoryServiceInput, { by }: Actor): Promise<SavedService> {
  return inSerializableTransaction(async (tx) => {
    const existing = await findRecord(tx, input.serviceName)
    if (existing?.origin === 'inventory')
      throw new InvalidInputError([{ path: 'serviceName', message: `${input.serviceName} is already in the inventory: edit it instead` }])
    const fields = fieldsOfInput(input)
    if (existing) return adopt(tx, existing, fields, by)
    await tx.service.create({ data: { name: input.serviceName, origin: 'inventory', ...dataOf(fields) } as Prisma.ServiceCreateInput })
    await audit(tx, by, 'inventory.service.add', input.serviceName, givenOf({ ...EMPTY_FIELDS, ...fields }))
    return { name: input.serviceName, changes: {} }
  })
}

/** Saves an inventory service's fields as given (a blank field clears it), audited with what changed. */
export function editService(input: InventoryServiceInput, { by }: Actor): Promise<SavedService> {
  return inSerializableTransaction(async (tx) => {
    const existing = await findRecord(tx, input.serviceName)
    if (!existing) throw new NotFoundError(`no service named ${input.serviceName}`)
    if (existing.origin !== 'inventory') throw new ConflictError(`${input.serviceName} is not in the inventory yet: adopt it first`)
    const changes = diffFields(existing, fieldsOfInput(input))
    if (Object.keys(changes).length > 0) {
      await tx.service.update({ where: { name: input.serviceName }, data: updateOf(changes, new Date()) })
      await audit(tx, by, 'inventory.service.edit', input.serviceName, changes)
    }
    return { name: input.serviceName, changes }
  })
}

/** Brings a discovered service into the inventory with a team, wave and planned date. */
export function adoptService(input: AdoptServiceInput, { by }: Actor): Promise<SavedService> {
  return inSerializableTransaction(async (tx) => {
    const existing = await findRecord(tx, input.serviceName)
    if (!existing) throw new NotFoundError(`no service named ${input.serviceName}`)
    if (existing.origin !== 'discovered') throw new ConflictError(`${input.serviceName} is already in the inventory`)
    return adopt(tx, existing, { team: input.team, rolloutWave: input.wave, plannedDate: input.plannedDate }, by)
  })
}

async function adopt(tx: Tx, existing: ServiceRecord, fields: Partial<ServiceFields>, by: string | null): Promise<SavedService> {
  const changes: ServiceChanges = { origin: { from: 'discovered', to: 'inventory' }, ...diffFields(existing, fields) }
  await tx.service.update({ where: { name: existing.name }, data: updateOf(changes, new Date()) })
  await audit(tx, by, 'inventory.service.adopt', existing.name, changes)
  return { name: existing.name, changes }
}

/** Retires an inventory service (kept, with its history, but out of the rollout and targets), or brings it back. */
export function setServiceRetired({ serviceName, retired }: RetireServiceInput, { by }: Actor): Promise<SavedService> {
  return inSerializableTransaction(async (tx) => {
    const existing = await findRecord(tx, serviceName)
    if (!existing) throw new NotFoundError(`no service named ${serviceName}`)
    if (existing.origin !== 'inventory')
      throw new ConflictError(`${serviceName} is not in the inventory: only inventory services are retired`)
    if (existing.retired === retired) return { name: serviceName, changes: {} }
    const changes: ServiceChanges = { retired: { from: existing.retired, to: retired } }
    await tx.service.update({ where: { name: serviceName }, data: updateOf(changes, new Date()) })
    await audit(tx, by, retired ? 'inventory.service.retire' : 'inventory.service.restore', serviceName, {})
    return { name: serviceName, changes }
  })
}

/** Every service known, inventory and discovered, not retired: names for pickers. */
export async function listServiceNames(): Promise<string[]> {
  const rows = await db.service.findMany({ where: { retiredAt: null }, select: { name: true }, orderBy: { name: 'asc' } })
  return rows.map((row) => row.name)
}

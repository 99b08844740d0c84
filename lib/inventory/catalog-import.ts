// What importing a catalog, or saving one service, changes in the inventory: per service, each field
// from → to. Pure: the repository reads the services, plans here, and writes exactly the plan.
import type { CatalogFileError, CatalogFormat } from './catalog-file'
import type { CatalogEntry } from './schemas'

/** The inventory's fields of one service, as stored (dates as YYYY-MM-DD). */
export type ServiceFields = {
  team: string | null
  owner: string | null
  tier: number | null
  rolloutWave: number | null
  plannedDate: string | null
  expectedOperations: string[]
  catalogName: string | null
  lifecycle: string | null
  system: string | null
}
export type ServiceField = keyof ServiceFields
export const SERVICE_FIELDS = [
  'team',
  'owner',
  'tier',
  'rolloutWave',
  'plannedDate',
  'expectedOperations',
  'catalogName',
  'lifecycle',
  'system',
] as const satisfies readonly ServiceField[]

export type ServiceRecord = ServiceFields & { name: string; origin: 'inventory' | 'discovered'; retired: boolean }

/** A change of one value; `origin` and `retired` change too (adopting, retiring, bringing back). */
export type FieldChange = { from: unknown; to: unknown }
export type ServiceChanges = Partial<Record<ServiceField | 'origin' | 'retired', FieldChange>>

export type PlannedChange =
  | { kind: 'add'; name: string; fields: ServiceFields }
  | { kind: 'update'; name: string; changes: ServiceChanges }
  | { kind: 'retire'; name: string; changes: ServiceChanges }

export type CatalogImportPlan = {
  added: number
  updated: number
  unchanged: number
  retired: number
  /** Added, updated and retired services, in the file's order (retired ones last). */
  changes: PlannedChange[]
}

export const EMPTY_FIELDS: ServiceFields = {
  team: null,
  owner: null,
  tier: null,
  rolloutWave: null,
  plannedDate: null,
  expectedOperations: [],
  catalogName: null,
  lifecycle: null,
  system: null,
}

/** A catalog entry's fields; what the file leaves out is null (or an empty list). */
export function fieldsOfEntry({ name: _name, wave, ...entry }: CatalogEntry): ServiceFields {
  return { ...entry, rolloutWave: wave }
}

const same = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((value, index) => value === b[index]) : a === b

/** The fields of `desired` that differ from `current`. */
export function diffFields(current: ServiceFields, desired: Partial<ServiceFields>): ServiceChanges {
  const changes: ServiceChanges = {}
  for (const field of SERVICE_FIELDS) {
    if (!(field in desired)) continue
    const to = desired[field]
    if (!same(current[field], to)) changes[field] = { from: current[field], to }
  }
  return changes
}

/** Only what the file gives: a field left out or blank (null, no operations) keeps the stored value. */
function givenFields(fields: ServiceFields): Partial<ServiceFields> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== null && !(Array.isArray(value) && value.length === 0)),
  ) as Partial<ServiceFields>
}

/**
 * Plans a catalog import. Services are matched by Jaeger name: a new one is added (origin inventory);
 * a known one gets the fields the file gives; a discovered one joins the inventory; a retired one
 * listed in the file comes back. Services the file does not list are left alone, or — with
 * `retireMissing` — inventory services among them are retired (discovered ones never are).
 */
export function planCatalogImport(
  current: readonly ServiceRecord[],
  entries: readonly CatalogEntry[],
  { retireMissing }: { retireMissing: boolean },
): CatalogImportPlan {
  const byName = new Map(current.map((service) => [service.name, service]))
  const listed = new Set(entries.map((entry) => entry.name))
  const plan: CatalogImportPlan = { added: 0, updated: 0, unchanged: 0, retired: 0, changes: [] }
  for (const entry of entries) {
    const fields = fieldsOfEntry(entry)
    const existing = byName.get(entry.name)
    if (!existing) {
      plan.added++
      plan.changes.push({ kind: 'add', name: entry.name, fields })
      continue
    }
    const changes = diffFields(existing, givenFields(fields))
    if (existing.origin === 'discovered') changes.origin = { from: 'discovered', to: 'inventory' }
    if (existing.retired) changes.retired = { from: true, to: false }
    if (Object.keys(changes).length === 0) plan.unchanged++
    else {
      plan.updated++
      plan.changes.push({ kind: 'update', name: entry.name, changes })
    }
  }
  if (retireMissing) {
    for (const service of current) {
      if (service.origin !== 'inventory' || service.retired || listed.has(service.name)) continue
      plan.retired++
      plan.changes.push({ kind: 'retire', name: service.name, changes: { retired: { from: false, to: true } } })
    }
  }
  return plan
}

export type CatalogImportResult =
  | { ok: false; format: CatalogFormat; errors: CatalogFileError[] }
  | {
      ok: true
      format: CatalogFormat
      dryRun: boolean
      /** Entities of other kinds in a Backstage file (System, API…), counted by kind. */
      skipped: Record<string, number>
      added: number
      updated: number
      unchanged: number
      retired: number
      changes: PlannedChange[]
    }

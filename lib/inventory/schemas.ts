import { z } from 'zod'
import { singleLineText } from '@/lib/text/plain-text'

/** A Jaeger serviceName as we accept it in the inventory. */
export const serviceNameSchema = z
  .string()
  .trim()
  .min(1, 'enter a service name')
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, 'letters, digits and . _ : / - only')

/** One service of the inventory catalog (the file an inventory is seeded from). */
export const inventoryEntrySchema = z.object({
  name: serviceNameSchema,
  team: z.string().trim().min(1).max(120),
  owner: z.email(),
  tier: z.number().int().min(1).max(3),
  wave: z.number().int().min(0).max(20), // 0 is the pilot wave
  plannedDate: z.iso.date(),
  expectedOperations: z.array(z.string().min(1)).default([]),
})
export type InventoryEntry = z.infer<typeof inventoryEntrySchema>

export const inventoryCatalogSchema = z.array(inventoryEntrySchema).superRefine((entries, ctx) => {
  const seen = new Set<string>()
  entries.forEach((entry, index) => {
    if (seen.has(entry.name)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `duplicate service ${entry.name}` })
    seen.add(entry.name)
  })
})

/** A catalog file's cell or field as people write it: missing, null and blank all mean "not given". */
const blankAsNull = (value: unknown) => (value === undefined || (typeof value === 'string' && value.trim() === '') ? null : value)

const optionalText = (max: number, what: string) => z.preprocess(blankAsNull, singleLineText({ max, what }).nullable())

/** A whole number written as a number (YAML) or as digits (CSV cells, Backstage annotations, which are text). */
const optionalWholeNumber = (min: number, max: number, what: string) => {
  const range = `${what}: a whole number from ${min} to ${max}`
  return z.preprocess(
    (value) => {
      const given = blankAsNull(value)
      return typeof given === 'string' && /^\s*[+-]?\d+\s*$/.test(given) ? Number(given) : given
    },
    z
      .int({ error: `expected ${range}` })
      .min(min, range)
      .max(max, range)
      .nullable(),
  )
}

/** Backstage's rule for `metadata.name` (catalog-model, KubernetesValidatorFunctions.isValidObjectName). */
export const backstageEntityNameSchema = z
  .string({ error: 'expected a name (text)' })
  .max(63, 'at most 63 characters (Backstage entity name rule)')
  .regex(/^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/, 'sequences of [a-zA-Z0-9] separated by - _ or . (Backstage entity name rule)')

const backstageRequired = (field: string) =>
  z
    .string({ error: `${field} is required for a Component (Backstage)` })
    .trim()
    .min(1, `${field} is required for a Component (Backstage)`)

/**
 * A Backstage `kind: Component` entity as far as the inventory reads it, with the fields Backstage
 * requires of one (catalog-model's Component v1alpha1 JSON schema: spec.type, lifecycle, owner).
 * Annotation values must be text in Backstage; ours are parsed from that text by catalogEntrySchema.
 */
export const backstageComponentSchema = z.object({
  apiVersion: z.string({ error: 'apiVersion is required (Backstage)' }).min(1, 'apiVersion is required (Backstage)'),
  kind: z.literal('Component'),
  metadata: z.object(
    {
      name: backstageEntityNameSchema,
      annotations: z.record(z.string(), z.string({ error: 'annotation values are text in Backstage: quote it' })).optional(),
    },
    { error: 'metadata (with a name) is required (Backstage)' },
  ),
  spec: z.object(
    {
      type: backstageRequired('spec.type'),
      lifecycle: backstageRequired('spec.lifecycle'),
      owner: backstageRequired('spec.owner'),
      system: z.string({ error: 'expected a system reference (text)' }).optional(),
    },
    { error: 'spec (with type, lifecycle and owner) is required for a Component (Backstage)' },
  ),
})
export type BackstageComponent = z.infer<typeof backstageComponentSchema>

/**
 * One service read from a catalog file (our YAML or CSV, or a Backstage Component): the raw values in,
 * a normalised entry out. Everything but the Jaeger service name is optional (null when not given).
 */
export const catalogEntrySchema = z.object({
  name: z.preprocess(
    (value) => value ?? '',
    z.string({ error: 'expected a service name (text)' }).trim().min(1, 'enter a service name').pipe(serviceNameSchema),
  ),
  catalogName: z.preprocess(blankAsNull, backstageEntityNameSchema.nullable()),
  team: optionalText(120, 'a team'),
  owner: optionalText(254, 'an owner (e-mail or team reference)'), // 254: the longest e-mail address (RFC 5321)
  tier: optionalWholeNumber(1, 3, 'tier'),
  wave: optionalWholeNumber(0, 20, 'wave'), // 0 is the pilot wave
  plannedDate: z.preprocess(blankAsNull, z.iso.date('expected a date as YYYY-MM-DD').nullable()),
  expectedOperations: z.preprocess(
    (value) => value ?? [],
    z
      .array(singleLineText({ max: 200, what: 'an operation name' }), { error: 'expected a list of operation names' })
      .max(500, 'at most 500 expected operations per service')
      .transform((operations) => [...new Set(operations)]),
  ),
  lifecycle: optionalText(120, 'a lifecycle'),
  system: optionalText(253, 'a system'),
})
export type CatalogEntry = z.infer<typeof catalogEntrySchema>

/** A service named in a form: the Jaeger service name. `serviceName`, not `service`: a field only these forms post. */
export const serviceReferenceInput = z.object({ serviceName: serviceNameSchema })

/** Expected operations as typed in a textarea: one per line. */
const operationLines = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter((line) => line !== '')
      : value,
  catalogEntrySchema.shape.expectedOperations,
)

/** A service as an admin adds or edits it: every field but the name may be blank (none). */
export const inventoryServiceInput = z.object({
  serviceName: serviceNameSchema,
  team: catalogEntrySchema.shape.team,
  owner: catalogEntrySchema.shape.owner,
  tier: catalogEntrySchema.shape.tier,
  wave: catalogEntrySchema.shape.wave,
  plannedDate: catalogEntrySchema.shape.plannedDate,
  expectedOperations: operationLines,
  lifecycle: catalogEntrySchema.shape.lifecycle,
  system: catalogEntrySchema.shape.system,
})
export type InventoryServiceInput = z.infer<typeof inventoryServiceInput>

/** Adopting a discovered service: it joins the inventory with a team, a wave and a planned date (each optional). */
export const adoptServiceInput = inventoryServiceInput.pick({ serviceName: true, team: true, wave: true, plannedDate: true })
export type AdoptServiceInput = z.infer<typeof adoptServiceInput>

/** Retire (`retired=true`) or bring back (`retired=false`) one inventory service. */
export const retireServiceInput = serviceReferenceInput.extend({
  retired: z.enum(['true', 'false'], { error: 'expected true or false' }).transform((value) => value === 'true'),
})
export type RetireServiceInput = z.infer<typeof retireServiceInput>

export const CATALOG_FORMATS = ['yaml', 'csv', 'backstage'] as const

/** Options of a catalog import, shared by the form and the API. */
const importOptions = {
  /** Used to tell the format (`.csv`, `.yaml`, `catalog-info.yaml`) when `format` is not given. */
  fileName: z.preprocess(blankAsNull, singleLineText({ max: 255, what: 'a file name' }).nullable().default(null)),
  /** Inventory services that the file does not list are retired (never deleted). */
  retireMissing: z.boolean().default(false),
}

/** The import form: the file's text (read in the browser), its name, and the retire-missing checkbox. */
export const catalogImportInput = z.object({
  content: z.string({ error: 'choose a catalog file' }).min(1, 'choose a catalog file'),
  fileName: importOptions.fileName,
  retireMissing: z.preprocess((value) => value === 'on' || value === 'true', importOptions.retireMissing),
})
export type CatalogImportInput = z.infer<typeof catalogImportInput>

/** `POST /api/v1/inventory/import`: the catalog file's text wrapped in JSON. */
export const catalogImportBody = z.object({
  content: z
    .string({ error: "expected the catalog file's text" })
    .min(1, "expected the catalog file's text")
    .meta({ description: 'The catalog file as text: our YAML, our CSV, or Backstage catalog-info.yaml' }),
  format: z.enum(CATALOG_FORMATS).optional().meta({ description: 'The file format; guessed from fileName and the content when left out' }),
  fileName: importOptions.fileName.meta({ description: 'The file name, e.g. catalog-info.yaml (helps tell the format)' }),
  retireMissing: importOptions.retireMissing.meta({ description: 'Retire inventory services the file does not list' }),
  dryRun: z.boolean().default(false).meta({ description: 'Only report what would change; write nothing' }),
})
export type CatalogImportBody = z.infer<typeof catalogImportBody>

/** What `POST /api/v1/inventory/import` answers when the file is read (for the OpenAPI document). */
export const catalogImportResponseSchema = z.object({
  ok: z.literal(true),
  format: z.enum(CATALOG_FORMATS),
  dryRun: z.boolean(),
  skipped: z.record(z.string(), z.number()).meta({ description: 'Backstage entities of other kinds, counted by kind' }),
  added: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  retired: z.number(),
  changes: z.array(
    z.object({
      kind: z.enum(['add', 'update', 'retire']),
      name: z.string(),
      fields: z.record(z.string(), z.unknown()).optional().meta({ description: 'A service added: its fields' }),
      changes: z
        .record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }))
        .optional()
        .meta({ description: 'A service updated or retired: each changed field, from → to' }),
    }),
  ),
})

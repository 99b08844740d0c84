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
  wave: z.number().int().min(1).max(20),
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

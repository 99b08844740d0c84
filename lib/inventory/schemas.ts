import { z } from 'zod'

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

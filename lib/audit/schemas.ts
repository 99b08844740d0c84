import { z } from 'zod'

export const auditEntrySchema = z.object({
  action: z.string().regex(/^[a-z]+(\.[a-z_]+)+$/, 'a dotted verb such as user.role.change'),
  subjectType: z.string().min(1),
  subjectId: z.string().min(1),
  details: z.record(z.string(), z.unknown()).default({}),
})
export type AuditEntry = z.input<typeof auditEntrySchema>

/** The audit page's query: a kind of change to keep, and the entry id to page back from. */
export const auditQuery = z.object({
  action: z
    .string()
    .regex(/^[a-z]+(\.[a-z_]+)*\.?$/, 'a dotted verb or its start, such as user.')
    .max(80)
    .optional()
    .catch(undefined),
  before: z
    .string()
    .regex(/^\d{1,18}$/)
    .transform((value) => BigInt(value))
    .optional()
    .catch(undefined),
})

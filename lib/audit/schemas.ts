import { z } from 'zod'

export const auditEntrySchema = z.object({
  action: z.string().regex(/^[a-z]+(\.[a-z_]+)+$/, 'a dotted verb such as user.role.change'),
  subjectType: z.string().min(1),
  subjectId: z.string().min(1),
  details: z.record(z.string(), z.unknown()).default({}),
})
export type AuditEntry = z.input<typeof auditEntrySchema>

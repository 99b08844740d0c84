import { z } from 'zod'

export const TARGET_KEYS = ['services_traced', 'tracing_overhead', 'trace_reliability', 'debugging_time'] as const
export const targetKeySchema = z.enum(TARGET_KEYS)
export type TargetKey = z.infer<typeof targetKeySchema>

export const targetSchema = z.object({
  key: targetKeySchema,
  label: z.string(),
  goal: z.number(),
  comparator: z.enum(['at_least', 'at_most']),
  dueDate: z.date().nullable(),
})
export type Target = z.infer<typeof targetSchema>

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

/** Ratios are entered as percentages; counts and milliseconds as they are. */
export const RATIO_TARGETS: readonly TargetKey[] = ['trace_reliability', 'debugging_time']

/** An admin's edit of one target: its goal (as the form shows it) and due date (empty: none). */
export const targetInput = z
  .object({
    key: targetKeySchema,
    goal: z.coerce.number({ error: 'a number' }).finite('a number').min(0, 'at least 0').max(100_000, 'too large'),
    dueDate: z.union([z.literal(''), z.iso.date('a date (YYYY-MM-DD)')]),
  })
  .superRefine((input, ctx) => {
    if (RATIO_TARGETS.includes(input.key) && input.goal > 100)
      ctx.addIssue({ code: 'custom', path: ['goal'], message: 'a percentage, at most 100' })
  })
  .transform((input) => ({
    key: input.key,
    goal: RATIO_TARGETS.includes(input.key) ? input.goal / 100 : input.goal,
    dueDate: input.dueDate === '' ? null : new Date(`${input.dueDate}T00:00:00Z`),
  }))
export type TargetInput = z.output<typeof targetInput>

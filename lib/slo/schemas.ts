// Service level objectives (DESIGN.md: "SLO", "correction"). One schema per shape: the editor, the
// OpenSLO and Sloth imports, the API and the worker all parse with these.
//
//   SLO          an SLI over a service's spans (optionally one operation glob and span kind), an
//                objective, a window (rolling, or a calendar month in a time zone), a budgeting method
//   SLI          latency: the share of spans at or under a threshold, read from the merged histograms
//                availability: the share of spans without error
//                composite: the weighted share of good events across member SLOs (a user journey)
//   budgeting    occurrences: bad events ÷ all events; timeslices: bad minutes ÷ all minutes, a minute
//                bad when its SLI is under the time-slice target
//   correction   a period excluded from the budget (maintenance, known-bad data)
import { isValid as isValidDate } from 'date-fns'
import { z } from 'zod'
import { durationSchema, labelNameSchema } from '@/lib/alerts/schemas'
import { multiLineText, singleLineText } from '@/lib/text/plain-text'
import { SPAN_KINDS } from '@/lib/traces/span'

/** An SLO's name: a DNS label as OpenSLO's `metadata.name` requires, so every SLO exports. */
export const sloNameSchema = z
  .string({ error: 'expected a name (text)' })
  .trim()
  .min(1, 'enter a name')
  .max(63, 'at most 63 characters')
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'lowercase letters, digits and -, starting and ending with a letter or digit')

const DAY = 86_400

export const sliSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('latency'), thresholdMs: z.number({ error: 'expected a threshold in ms' }).positive().max(3_600_000) }),
  z.object({ kind: z.literal('availability') }),
  z.object({
    kind: z.literal('composite'),
    members: z
      .array(z.object({ slo: sloNameSchema, weight: z.number({ error: 'expected a weight' }).positive().max(1000).default(1) }))
      .min(2, 'a composite SLO joins at least 2 member SLOs')
      .max(20, 'at most 20 members')
      .refine((members) => new Set(members.map((member) => member.slo)).size === members.length, 'each member once'),
  }),
])
export type Sli = z.infer<typeof sliSchema>

export const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

export const WINDOW_PRESETS = [7, 28, 30] as const

export const sloWindowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rolling'), duration: durationSchema({ min: DAY, max: 90 * DAY }) }),
  // Calendar periods in a time zone, as OpenSLO's `calendar`: from `startTime` (local to the zone), one
  // month or one week at a time. Without one, months start on the 1st at midnight, weeks on Monday at midnight.
  z.object({
    kind: z.literal('calendar'),
    unit: z.enum(['month', 'week']).default('month'),
    timeZone: z.string().trim().default('UTC').refine(isTimeZone, 'not an IANA time zone (such as Europe/Berlin)'),
    startTime: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$/, 'a local time such as 2026-01-01T00:00:00')
      .transform((value) => {
        const [date, time] = value.split(/[T ]/) as [string, string]
        return `${date}T${time.length === 5 ? `${time}:00` : time}`
      })
      .optional(),
  }),
])
export type SloWindow = z.infer<typeof sloWindowSchema>

export const BURN_TIERS = ['page_fast', 'page_slow', 'ticket_fast', 'ticket_slow'] as const
export type BurnTier = (typeof BURN_TIERS)[number]

export const sloInput = z
  .object({
    name: sloNameSchema,
    displayName: singleLineText({ max: 120, what: 'a display name' }).optional(),
    description: multiLineText({ max: 2000, what: 'a description' }).optional(),
    /** The traced service; absent for composite SLOs, which span their members' services. */
    service: singleLineText({ max: 200, what: 'a service' }).optional(),
    /** An operation glob ("POST /v1/payments", "GET /api/*"); absent: the service's entry spans (server and consumer). */
    operation: singleLineText({ max: 500, what: 'an operation glob' }).optional(),
    spanKind: z.enum(SPAN_KINDS).optional(),
    sli: sliSchema,
    objective: z.number({ error: 'expected an objective such as 0.99' }).min(0.5, 'at least 0.5 (50 %)').max(0.99999, 'at most 0.99999'),
    window: sloWindowSchema.default({ kind: 'rolling', duration: 28 * DAY }),
    budgeting: z.enum(['occurrences', 'timeslices']).default('occurrences'),
    /** Time-slice budgeting: a minute is good when its SLI is at least this (default: the objective). */
    timeSliceTarget: z.number().min(0).max(1).optional(),
    alerting: z
      .object({
        tiers: z.array(z.enum(BURN_TIERS)).default([...BURN_TIERS]),
        /** The low-traffic guard: no burn-rate alert while the short window holds fewer events than this. */
        minEvents: z.number().int().min(0).max(1_000_000).default(50),
        channels: z
          .array(singleLineText({ max: 100, what: 'a channel name' }))
          .max(10)
          .default([]),
        labels: z.record(labelNameSchema, singleLineText({ max: 200, what: 'a label value' })).default({}),
      })
      .default({ tiers: [...BURN_TIERS], minEvents: 50, channels: [], labels: {} }),
  })
  .superRefine((slo, context) => {
    const composite = slo.sli.kind === 'composite'
    if (!composite && slo.service === undefined) context.addIssue({ code: 'custom', path: ['service'], message: 'enter a service' })
    if (composite && (slo.service !== undefined || slo.operation !== undefined))
      context.addIssue({ code: 'custom', path: ['service'], message: 'a composite SLO takes its services from its members' })
    if (composite && slo.budgeting === 'timeslices')
      context.addIssue({ code: 'custom', path: ['budgeting'], message: 'a composite SLO budgets occurrences' })
  })
export type SloInput = z.input<typeof sloInput>
export type Slo = z.output<typeof sloInput>

export const storedSloSchema = sloInput.safeExtend({ id: z.uuid(), version: z.number().int().min(1) })
export type StoredSlo = z.output<typeof storedSloSchema>

export const sloParams = z.object({ id: z.uuid({ error: 'not an SLO id (a UUID)' }) })

/** A period excluded from an SLO's budget. */
export const correctionInput = z
  .object({
    startsAt: z.coerce.date({ error: 'expected a start time' }).refine(isValidDate, 'expected a start time'),
    endsAt: z.coerce.date({ error: 'expected an end time' }).refine(isValidDate, 'expected an end time'),
    reason: multiLineText({ max: 500, what: 'a reason' }),
  })
  .refine((correction) => correction.endsAt > correction.startsAt, { path: ['endsAt'], message: 'the end must be after the start' })
  .refine((correction) => correction.endsAt.getTime() - correction.startsAt.getTime() <= 31 * DAY * 1000, {
    path: ['endsAt'],
    message: 'a correction spans at most 31 days',
  })
export type CorrectionInput = z.input<typeof correctionInput>
export type Correction = z.output<typeof correctionInput>

/** A stored correction, times as epoch ms. */
export type StoredCorrection = { id: string; startMs: number; endMs: number; reason: string; author: string | null; createdAt: number }

/** The SLO page's delete form: the SLO, and the confirmation step's field. */
export const deleteSloForm = z.object({
  id: z.uuid({ error: 'not an SLO id' }),
  confirm: z.literal('delete', { error: 'confirm the deletion first' }),
})

/** The SLO page's correction form: times typed in UTC (datetime-local), and why. */
export const correctionForm = z.object({
  sloId: z.uuid({ error: 'not an SLO id' }),
  startsAt: z.string().trim().min(1, 'enter a start (UTC)'),
  endsAt: z.string().trim().min(1, 'enter an end (UTC)'),
  reason: z.string().optional(),
})

export const deleteCorrectionForm = z.object({ sloId: z.uuid(), correctionId: z.uuid({ error: 'not a correction id' }) })

/** PUT /api/v1/slos/{id}: the SLO that replaces it; `version`, when sent (or as If-Match), must be the stored one, else 409. */
export const sloReplaceBody = sloInput.safeExtend({
  version: z.number({ error: 'expected the version you read, a whole number' }).int().min(1).optional(),
})

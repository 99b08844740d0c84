import { z } from 'zod'
import { multiLineText } from '@/lib/text/plain-text'
import { calendarDaySchema } from './calendar-day'

export const ROLLOUT_STATUSES = ['not_started', 'instrumented', 'verified', 'regressed'] as const
export const rolloutStatusSchema = z.enum(ROLLOUT_STATUSES)
export type RolloutStatus = z.infer<typeof rolloutStatusSchema>

/** When an instrumented service counts as verified (DESIGN.md: "quality checks pass for 7 days"). Admin-editable. */
export const rolloutThresholdsSchema = z.object({
  verifyDays: z.number().int().min(1).max(90),
  minCompleteShare: z.number().min(0).max(1),
  minKeyAttributeShare: z.number().min(0).max(1),
})
export type RolloutThresholds = z.infer<typeof rolloutThresholdsSchema>

export const DEFAULT_ROLLOUT_THRESHOLDS: RolloutThresholds = {
  verifyDays: 7,
  minCompleteShare: 0.99,
  minKeyAttributeShare: 0.95,
}

const count = z.number().int().min(0)

/** One service's trace quality over one UTC day (counts, so days merge by adding). */
export const dailyQualitySchema = z.object({
  day: calendarDaySchema,
  spans: count,
  tracesSeen: count,
  tracesComplete: count,
  /** Server spans, and those carrying `http.route`. */
  serverSpans: count,
  serverSpansWithRoute: count,
  /** HTTP spans, and those carrying a status code. */
  httpSpans: count,
  httpSpansWithStatus: count,
})
export type DailyQuality = z.infer<typeof dailyQualitySchema>

/** A manager's override of a service's rollout status (audited where it is saved). */
export const rolloutOverrideSchema = z.object({
  status: rolloutStatusSchema,
  reason: multiLineText({ max: 500, what: 'a reason' }),
  /** null: until removed. */
  expiresAt: z.date().nullable(),
  /** Who set it (user id). */
  by: z.string().min(1),
})
export type RolloutOverride = z.infer<typeof rolloutOverrideSchema>

/** What rollout_states.failing holds: the checks that failed, each on its day (rollout-status.ts). */
export const rolloutFailuresSchema = z.array(
  z.object({
    day: calendarDaySchema,
    check: z.enum(['live_days', 'spans', 'complete_traces', 'key_attributes']),
    message: z.string(),
  }),
)

/** The override form: a status, a reason everyone will read, and optionally when it ends. */
export const rolloutOverrideInput = z.object({
  service: z.string().trim().min(1, 'choose a service').max(200),
  status: rolloutStatusSchema,
  reason: multiLineText({ max: 500, min: 3, what: 'a reason' }),
  /** Days until it expires; empty: until an admin clears it. */
  expiresInDays: z
    .union([z.literal(''), z.coerce.number().int().min(1, 'at least 1 day').max(90, 'at most 90 days')])
    .optional()
    .transform((days) => (days === '' || days === undefined ? null : days)),
})
export type RolloutOverrideInput = z.output<typeof rolloutOverrideInput>

export const clearOverrideInput = z.object({ overrideId: z.uuid('not an override') })

/** The admin's settings form: the rollout's first day and the verification thresholds (shares as percentages). */
export const rolloutSettingsInput = z.object({
  startDate: calendarDaySchema,
  verifyDays: z.coerce.number().int().min(1).max(90),
  minCompletePercent: z.coerce.number().min(0).max(100),
  minKeyAttributePercent: z.coerce.number().min(0).max(100),
})

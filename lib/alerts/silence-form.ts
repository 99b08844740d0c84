// The new-silence form (/alerts/silences): its fields as inputs hold them, turned into a silence for
// createSilence to check; the URL that opens it prefilled (an alert's "Silence" link, "Recreate").
import { z } from 'zod'
import { formatPrometheusDuration, parsePrometheusDuration } from '@/lib/time/prometheus-duration'
import type { Labels } from './schemas'
import { formatMatcher, type Matcher, type SilenceInput } from './silences'

/** What an alert's "Silence" link matches on: the rule's name and the series, not the rule's own labels. */
export const ALERT_SILENCE_LABELS = ['alertname', 'service', 'operation', 'span_kind'] as const

/** The duration picker's choices; any Prometheus duration up to MAX_DURATION_SECONDS is accepted. */
export const SILENCE_DURATIONS = ['30m', '1h', '2h', '4h', '8h', '12h', '1d', '2d', '3d', '7d'] as const
export const DEFAULT_SILENCE_DURATION = '2h'
const MAX_DURATION_SECONDS = 365 * 86_400

const blankAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?$/
/** A datetime-local input's "2026-03-01T10:00", read as UTC (the dashboard's one clock); epoch ms. */
const utcTime = (what: string) => {
  const error = `expected ${what} as YYYY-MM-DDTHH:MM, in UTC`
  return z.preprocess(
    blankAsUndefined,
    z
      .string({ error })
      .trim()
      .regex(LOCAL_TIME, error)
      .transform((text, context) => {
        const ms = Date.parse(`${text}Z`)
        // Date.parse rolls 2026-02-30 over to March 2: a time that reads back differently is no time.
        if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 16) !== text.slice(0, 16)) {
          context.addIssue({ code: 'custom', message: error })
          return z.NEVER
        }
        return ms
      })
      .optional(),
  )
}

const durationField = z.preprocess(
  blankAsUndefined,
  z
    .string({ error: 'expected a duration such as 2h or 1d' })
    .trim()
    .transform((text, context) => {
      const seconds = parsePrometheusDuration(text)
      if (seconds === null || seconds < 60) context.addIssue({ code: 'custom', message: 'expected a duration such as 30m, 2h or 1d' })
      else if (seconds > MAX_DURATION_SECONDS) context.addIssue({ code: 'custom', message: 'at most 365d; set an end time instead' })
      return seconds ?? 0
    })
    .optional(),
)

/** The form's fields; an end time, when given, wins over the duration. Everything else is checked by silenceInput. */
export const silenceFormInput = z
  .object({
    matchers: z.string({ error: 'enter matchers, such as alertname="X", service="checkout"' }).max(4000, 'at most 4000 characters'),
    startsAt: utcTime('a start'),
    duration: durationField,
    endsAt: utcTime('an end'),
    comment: z.string({ error: 'enter a comment (why this is silenced)' }).default(''),
    createdBy: z.string({ error: 'expected who silences (text)' }).optional(),
  })
  .superRefine((form, context) => {
    if (form.endsAt === undefined && form.duration === undefined)
      context.addIssue({ code: 'custom', path: ['duration'], message: 'choose how long, or an end time' })
  })
export type SilenceForm = z.output<typeof silenceFormInput>

/** The silence the form describes: starting now unless a start is given; written by `author` unless another name is. */
export function silenceFromForm(form: SilenceForm, { now, author }: { now: number; author: string }): SilenceInput {
  const startsAt = form.startsAt ?? now
  const endsAt = form.endsAt ?? startsAt + (form.duration ?? 0) * 1000
  return {
    matchers: form.matchers,
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
    comment: form.comment,
    createdBy: form.createdBy?.trim() || author,
  }
}

/** `?matchers=…&comment=…&duration=…` as the form's first values; anything odd is dropped, never an error page. */
export const silencePrefillQuery = z.object({
  matchers: z.string().max(4000).optional().catch(undefined),
  comment: z.string().max(1000).optional().catch(undefined),
  duration: z
    .string()
    .refine((text) => parsePrometheusDuration(text) !== null)
    .optional()
    .catch(undefined),
})
export type SilencePrefill = z.output<typeof silencePrefillQuery>

/** The form, prefilled: `matchers` as typed text, e.g. alertname="X", service="checkout". */
export function newSilencePath({ matchers, comment }: { matchers: readonly Matcher[]; comment?: string }): string {
  const query = new URLSearchParams({ matchers: matchers.map(formatMatcher).join(', ') })
  if (comment) query.set('comment', comment)
  return `/alerts/silences?${query}#new-silence`
}

/** Equality matchers on the alert's name and series: what an alert's "Silence" link proposes. */
export const alertSilenceMatchers = (labels: Labels): Matcher[] =>
  ALERT_SILENCE_LABELS.filter((name) => labels[name]).map((name) => ({ name, type: '=', value: labels[name]! }))

/** How long a silence lasts, as the picker would say it ("2h", "1d12h"). */
export const formatSilenceDuration = (startsAt: number, endsAt: number) =>
  formatPrometheusDuration(Math.max(0, Math.round((endsAt - startsAt) / 1000)))

export const silenceReferenceInput = z.object({ silenceId: z.uuid({ error: 'unknown silence' }) })

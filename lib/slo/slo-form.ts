// The SLO editor's form: fields as strings, turned into an SLO and checked with its schema, so the form
// and the API refuse the same things; issues come back under the SLO's paths (`sli.thresholdMs`).
import { z } from 'zod'
import { InvalidInputError } from '@/lib/errors'
import { BURN_TIERS, sloInput, WINDOW_PRESETS, type Slo, type SloInput } from './schemas'

const text = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined)

export const WINDOW_CHOICES = [...WINDOW_PRESETS.map((days) => `${days}d`), 'calendar_month', 'calendar_week'] as const

/** The posted form: every field text (checkboxes present when ticked); checked for real by `sloFromForm`. */
export const sloFormInput = z.object({
  id: text,
  version: text,
  name: text,
  displayName: text,
  description: text,
  service: text,
  operation: text,
  spanKind: text,
  sliKind: z.enum(['latency', 'availability', 'composite']).catch('latency'),
  thresholdMs: text,
  members: text,
  objective: text,
  window: text,
  timeZone: text,
  startTime: text,
  budgeting: z.enum(['occurrences', 'timeslices']).catch('occurrences'),
  timeSliceTarget: text,
  minEvents: text,
  channels: text,
  ...Object.fromEntries(BURN_TIERS.map((tier) => [`tier_${tier}`, text])),
})
export type SloForm = z.infer<typeof sloFormInput>

const number = (value: string | undefined) => (value === undefined ? undefined : Number(value.replace(',', '.')))
const percent = (value: string | undefined) => {
  const parsed = number(value)
  return parsed === undefined ? undefined : Math.round(parsed * 1e6) / 1e8
}

/** "checkout-availability:3, checkout-latency" → members with weights (1 when left out). */
function parseMembers(value: string | undefined) {
  return (value ?? '')
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [slo, weight] = part.split(':').map((piece) => piece.trim())
      return { slo: slo!, weight: weight === undefined ? 1 : Number(weight) }
    })
}

export function sloFromForm(form: SloForm): Slo {
  const window = form.window ?? '28d'
  const input: SloInput = {
    name: form.name ?? '',
    displayName: form.displayName,
    description: form.description,
    service: form.sliKind === 'composite' ? undefined : form.service,
    operation: form.sliKind === 'composite' ? undefined : form.operation,
    spanKind: form.sliKind === 'composite' ? undefined : (form.spanKind as Slo['spanKind']),
    sli:
      form.sliKind === 'latency'
        ? { kind: 'latency', thresholdMs: number(form.thresholdMs) ?? Number.NaN }
        : form.sliKind === 'availability'
          ? { kind: 'availability' }
          : { kind: 'composite', members: parseMembers(form.members) },
    objective: percent(form.objective) ?? Number.NaN,
    window:
      window === 'calendar_month' || window === 'calendar_week'
        ? {
            kind: 'calendar',
            unit: window === 'calendar_month' ? 'month' : 'week',
            timeZone: form.timeZone ?? 'UTC',
            startTime: form.startTime,
          }
        : { kind: 'rolling', duration: window },
    budgeting: form.budgeting,
    timeSliceTarget: form.budgeting === 'timeslices' ? percent(form.timeSliceTarget) : undefined,
    alerting: {
      tiers: BURN_TIERS.filter((tier) => (form as Record<string, string | undefined>)[`tier_${tier}`] !== undefined),
      minEvents: number(form.minEvents) ?? 50,
      channels: (form.channels ?? '')
        .split(',')
        .map((channel) => channel.trim())
        .filter(Boolean),
    },
  }
  const parsed = sloInput.safeParse(input)
  if (!parsed.success)
    throw new InvalidInputError(parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || 'name', message: issue.message })))
  return parsed.data
}

/** The form's fields for an SLO being edited (and for a new one, its defaults). */
export function sloToForm(slo: Slo | null): Record<string, string> {
  if (!slo)
    return {
      sliKind: 'latency',
      objective: '99',
      window: '28d',
      budgeting: 'occurrences',
      minEvents: '50',
      timeZone: 'UTC',
      ...Object.fromEntries(BURN_TIERS.map((tier) => [`tier_${tier}`, 'on'])),
    }
  return {
    name: slo.name,
    displayName: slo.displayName ?? '',
    description: slo.description ?? '',
    service: slo.service ?? '',
    operation: slo.operation ?? '',
    spanKind: slo.spanKind ?? '',
    sliKind: slo.sli.kind,
    thresholdMs: slo.sli.kind === 'latency' ? String(slo.sli.thresholdMs) : '',
    members: slo.sli.kind === 'composite' ? slo.sli.members.map((member) => `${member.slo}:${member.weight}`).join(', ') : '',
    objective: String(Math.round(slo.objective * 1e8) / 1e6),
    window: slo.window.kind === 'calendar' ? `calendar_${slo.window.unit}` : `${slo.window.duration / 86_400}d`,
    timeZone: slo.window.kind === 'calendar' ? slo.window.timeZone : 'UTC',
    startTime: slo.window.kind === 'calendar' ? (slo.window.startTime ?? '') : '',
    budgeting: slo.budgeting,
    timeSliceTarget: slo.timeSliceTarget === undefined ? '' : String(Math.round(slo.timeSliceTarget * 1e8) / 1e6),
    minEvents: String(slo.alerting.minEvents),
    channels: slo.alerting.channels.join(', '),
    ...Object.fromEntries(BURN_TIERS.filter((tier) => slo.alerting.tiers.includes(tier)).map((tier) => [`tier_${tier}`, 'on'])),
  }
}

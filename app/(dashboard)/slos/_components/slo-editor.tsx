'use client'

import { useState, type ChangeEvent } from 'react'
import { useFormAction } from '@/components/forms/use-form-action'
import { Button } from '@/components/ui/button'
import { Field, Input, Select } from '@/components/ui/field'
import { BURN_TIER_SPECS, burnTierFactor } from '@/lib/slo/burn-tiers'
import { BURN_TIERS } from '@/lib/slo/schemas'
import { WINDOW_CHOICES } from '@/lib/slo/slo-form'
import { formatPrometheusDuration } from '@/lib/time/prometheus-duration'
import { saveSloAction } from '../new/actions'

const SPAN_KINDS = ['', 'server', 'consumer', 'client', 'producer', 'internal'] as const
const WINDOW_LABELS: Record<(typeof WINDOW_CHOICES)[number], string> = {
  '7d': 'Rolling 7 days',
  '28d': 'Rolling 28 days',
  '30d': 'Rolling 30 days',
  calendar_month: 'Calendar month',
  calendar_week: 'Calendar week',
}

/**
 * The SLO's fields, with what they mean beside them: the budget the objective leaves and the burn-rate
 * tiers' factors for the chosen window. The server checks everything again.
 */
export function SloEditor({
  initial,
  id,
  version,
  services,
  channels,
  slos,
}: {
  initial: Record<string, string>
  id?: string
  version?: number
  services: string[]
  channels: string[]
  slos: string[]
}) {
  const { state, action, pending, fieldError: error } = useFormAction(saveSloAction)
  // Controlled, so a refused post keeps what was typed.
  const [fields, setFields] = useState(initial)
  const bind = (name: string) => ({
    id: `slo-${name}`,
    name,
    value: fields[name] ?? '',
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      setFields((previous) => ({ ...previous, [name]: event.target.value })),
    'aria-invalid': Boolean(error(name)),
  })
  const tick = (name: string) => ({
    id: `slo-${name}`,
    name,
    type: 'checkbox' as const,
    checked: fields[name] !== undefined,
    onChange: (event: ChangeEvent<HTMLInputElement>) =>
      setFields((previous) => {
        const next = { ...previous }
        if (event.target.checked) next[name] = 'on'
        else delete next[name]
        return next
      }),
  })
  const composite = fields.sliKind === 'composite'
  const objective = Number(fields.objective)
  const calendar = fields.window === 'calendar_month' || fields.window === 'calendar_week'
  const windowDays =
    fields.window === 'calendar_month' ? 30 : fields.window === 'calendar_week' ? 7 : Number.parseInt(fields.window ?? '28', 10)
  const budgetMinutes =
    Number.isFinite(objective) && objective > 0 && objective < 100 ? ((100 - objective) / 100) * windowDays * 24 * 60 : null

  return (
    <form action={action} className="space-y-6" noValidate>
      {id && <input type="hidden" name="id" value={id} />}
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      <fieldset className="grid gap-4 md:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">What it is called</legend>
        <Field
          label="Name"
          htmlFor="slo-name"
          error={error('name')}
          hint="Lowercase, digits and -; the OpenSLO name and its rules' prefix."
        >
          <Input {...bind('name')} placeholder="payments-latency" autoComplete="off" spellCheck={false} readOnly={Boolean(id)} />
        </Field>
        <Field label="Display name" htmlFor="slo-displayName" error={error('displayName')}>
          <Input {...bind('displayName')} placeholder="Payments under 300 ms" />
        </Field>
        <Field label="Description" htmlFor="slo-description" error={error('description')}>
          <Input {...bind('description')} placeholder="What users feel when it is missed" />
        </Field>
      </fieldset>

      <fieldset className="grid gap-4 md:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">What is measured (the SLI)</legend>
        <Field label="SLI" htmlFor="slo-sliKind" error={error('sli')}>
          <Select {...bind('sliKind')}>
            <option value="latency">Latency: share of spans at or under a threshold</option>
            <option value="availability">Availability: share of spans without error</option>
            <option value="composite">Composite: a user journey across SLOs</option>
          </Select>
        </Field>
        {fields.sliKind === 'latency' && (
          <Field
            label="Threshold (ms)"
            htmlFor="slo-thresholdMs"
            error={error('sli.thresholdMs')}
            hint="Read from the merged histograms: spans up to 2 % over the threshold may count as good."
          >
            <Input {...bind('thresholdMs')} inputMode="decimal" placeholder="300" />
          </Field>
        )}
        {composite ? (
          <Field
            label="Members"
            htmlFor="slo-members"
            error={error('sli.members') ?? error('sli')}
            hint={`SLO names with weights: checkout-availability:3, payments-latency. Known: ${slos.join(', ') || 'none yet'}.`}
          >
            <Input {...bind('members')} list="slo-names" spellCheck={false} />
          </Field>
        ) : (
          <>
            <Field label="Service" htmlFor="slo-service" error={error('service')}>
              <Input {...bind('service')} list="slo-services" placeholder="transactions-service" spellCheck={false} />
            </Field>
            <Field
              label="Operation (glob)"
              htmlFor="slo-operation"
              error={error('operation')}
              hint="Empty: the service's entry spans (server and consumer)."
            >
              <Input {...bind('operation')} placeholder="POST /v1/payments" spellCheck={false} />
            </Field>
            <Field label="Span kind" htmlFor="slo-spanKind" error={error('spanKind')}>
              <Select {...bind('spanKind')}>
                {SPAN_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {kind || 'any'}
                  </option>
                ))}
              </Select>
            </Field>
          </>
        )}
        <datalist id="slo-services">
          {services.map((service) => (
            <option key={service} value={service} />
          ))}
        </datalist>
        <datalist id="slo-names">
          {slos.map((slo) => (
            <option key={slo} value={slo} />
          ))}
        </datalist>
      </fieldset>

      <fieldset className="grid gap-4 md:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">The objective and its budget</legend>
        <Field
          label="Objective (%)"
          htmlFor="slo-objective"
          error={error('objective')}
          hint={
            budgetMinutes === null
              ? undefined
              : `Budget: ${(100 - objective).toFixed(3).replace(/\.?0+$/, '')} % of events, about ${Math.round(budgetMinutes)} bad minutes a window.`
          }
        >
          <Input {...bind('objective')} inputMode="decimal" placeholder="99.9" />
        </Field>
        <Field label="Window" htmlFor="slo-window" error={error('window')}>
          <Select {...bind('window')}>
            {WINDOW_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {WINDOW_LABELS[choice]}
              </option>
            ))}
          </Select>
        </Field>
        {calendar && (
          <>
            <Field
              label="Time zone"
              htmlFor="slo-timeZone"
              error={error('window.timeZone') ?? error('window')}
              hint="Periods start at local midnight here."
            >
              <Input {...bind('timeZone')} placeholder="Europe/Berlin" spellCheck={false} />
            </Field>
            <Field
              label="Periods start (local)"
              htmlFor="slo-startTime"
              error={error('window.startTime')}
              hint="Empty: the 1st of the month, or Monday, at midnight."
            >
              <Input {...bind('startTime')} type="datetime-local" step={1} />
            </Field>
          </>
        )}
        <Field label="Budgeting" htmlFor="slo-budgeting" error={error('budgeting')}>
          <Select {...bind('budgeting')} disabled={composite}>
            <option value="occurrences">Occurrences: bad events ÷ all events</option>
            <option value="timeslices">Time slices: bad minutes ÷ all minutes</option>
          </Select>
        </Field>
        {fields.budgeting === 'timeslices' && !composite && (
          <Field
            label="Good minute at (%)"
            htmlFor="slo-timeSliceTarget"
            error={error('timeSliceTarget')}
            hint="A minute is good when its SLI reaches this (empty: the objective). Minutes without events are good."
          >
            <Input {...bind('timeSliceTarget')} inputMode="decimal" placeholder={fields.objective} />
          </Field>
        )}
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-semibold">Burn-rate alerts (SRE Workbook tiers)</legend>
        <div className="grid gap-2 md:grid-cols-2">
          {BURN_TIERS.map((tier) => {
            const spec = BURN_TIER_SPECS[tier]
            return (
              <label
                key={tier}
                htmlFor={`slo-tier_${tier}`}
                className="flex items-start gap-2 rounded-md border border-border px-3 py-2 text-sm"
              >
                <input {...tick(`tier_${tier}`)} className="mt-1" />
                <span>
                  <span className="font-medium">
                    {spec.action === 'page' ? 'Page' : 'Ticket'}: {burnTierFactor(tier, windowDays * 86_400)}× over{' '}
                    {formatPrometheusDuration(spec.longSeconds)} and {formatPrometheusDuration(spec.shortSeconds)}
                  </span>
                  <span className="block text-xs text-muted">
                    Fires having spent {spec.budgetShare * 100} % of the budget; severity {spec.severity}.
                  </span>
                </span>
              </label>
            )
          })}
        </div>
        <div className="grid gap-4 md:grid-cols-3">
          <Field
            label="Low-traffic guard (events)"
            htmlFor="slo-minEvents"
            error={error('alerting.minEvents')}
            hint="No alert while the short window holds fewer events: three requests do not page anyone."
          >
            <Input {...bind('minEvents')} inputMode="numeric" />
          </Field>
          <Field
            label="Channels"
            htmlFor="slo-channels"
            error={error('alerting.channels')}
            hint={`Comma-separated. Known: ${channels.join(', ') || 'none yet'}.`}
          >
            <Input {...bind('channels')} spellCheck={false} />
          </Field>
        </div>
      </fieldset>

      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : id ? 'Save SLO' : 'Create SLO'}
        </Button>
        {state.error && (
          <p role="alert" className="text-sm text-bad">
            {state.error}
          </p>
        )}
        {state.fieldErrors && !state.error && (
          <p role="alert" className="text-sm text-bad">
            Not saved: fix the fields marked above.
          </p>
        )}
      </div>
    </form>
  )
}

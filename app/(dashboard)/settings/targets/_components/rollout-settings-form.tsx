'use client'

import { useFormAction } from '@/components/forms/use-form-action'
import { Button } from '@/components/ui/button'
import { Field, Input } from '@/components/ui/field'
import { saveRolloutSettingsAction } from '../actions'

export type RolloutSettingsValues = { startDate: string; verifyDays: number; minCompletePercent: number; minKeyAttributePercent: number }

/** When the rollout began (trends and burn-up start there) and what verifies a service. */
export function RolloutSettingsForm({ values }: { values: RolloutSettingsValues }) {
  const { state, action, pending, fieldError: error } = useFormAction(saveRolloutSettingsAction)
  return (
    <form action={action} className="grid gap-4 md:grid-cols-4" noValidate>
      <Field label="Rollout began" htmlFor="rollout-start" error={error('startDate')}>
        <Input id="rollout-start" name="startDate" type="date" defaultValue={values.startDate} required />
      </Field>
      <Field label="Good days to verify" htmlFor="rollout-days" error={error('verifyDays')} hint="Consecutive full days">
        <Input id="rollout-days" name="verifyDays" type="number" min={1} max={90} defaultValue={values.verifyDays} />
      </Field>
      <Field label="Complete traces, at least (%)" htmlFor="rollout-complete" error={error('minCompletePercent')}>
        <Input id="rollout-complete" name="minCompletePercent" inputMode="decimal" defaultValue={values.minCompletePercent} />
      </Field>
      <Field
        label="Key attributes, at least (%)"
        htmlFor="rollout-attributes"
        error={error('minKeyAttributePercent')}
        hint="http.route on server spans, status on HTTP spans"
      >
        <Input id="rollout-attributes" name="minKeyAttributePercent" inputMode="decimal" defaultValue={values.minKeyAttributePercent} />
      </Field>
      <div className="flex items-center gap-3 md:col-span-4">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save rollout settings'}
        </Button>
        <span role="status" aria-live="polite" className={`text-sm ${state.error ? 'text-bad' : 'text-ok'}`}>
          {state.error ?? state.ok ?? ''}
        </span>
      </div>
    </form>
  )
}

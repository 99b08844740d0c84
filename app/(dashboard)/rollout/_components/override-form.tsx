'use client'

import { useFormAction } from '@/components/forms/use-form-action'
import { Button } from '@/components/ui/button'
import { Field, Input, Select } from '@/components/ui/field'
import { ROLLOUT_STATUSES, type RolloutStatus } from '@/lib/rollout/schemas'
import { rolloutStatusLabel } from '@/components/rollout/rollout-status-badge'
import { overrideRolloutStatusAction } from '../actions'

/** A manager's override of one service's status: folded away until asked for. */
export function OverrideForm({ service, computed }: { service: string; computed: RolloutStatus }) {
  const { state, action, pending, formRef, fieldError: error } = useFormAction(overrideRolloutStatusAction)
  const id = (field: string) => `override-${service}-${field}`
  return (
    <details className="group text-xs print:hidden">
      <summary className="cursor-pointer text-accent hover:underline">Override…</summary>
      <form ref={formRef} action={action} className="mt-2 grid w-72 gap-2" noValidate>
        <input type="hidden" name="service" value={service} />
        <Field label="Count it as" htmlFor={id('status')} error={error('status')}>
          <Select id={id('status')} name="status" defaultValue={computed === 'verified' ? 'instrumented' : 'verified'}>
            {ROLLOUT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {rolloutStatusLabel(status)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Reason (shown on the board)" htmlFor={id('reason')} error={error('reason')}>
          <textarea
            id={id('reason')}
            name="reason"
            rows={2}
            required
            aria-invalid={Boolean(error('reason'))}
            className="w-full rounded-md border border-border bg-surface px-2 py-1.5 text-sm text-foreground"
          />
        </Field>
        <Field label="Expires after (days, empty: until cleared)" htmlFor={id('expires')} error={error('expiresInDays')}>
          <Input id={id('expires')} name="expiresInDays" type="number" min={1} max={90} inputMode="numeric" />
        </Field>
        <div className="flex items-center gap-2">
          <Button type="submit" size="sm" disabled={pending}>
            {pending ? 'Saving…' : 'Override status'}
          </Button>
          <span role="status" aria-live="polite" className={state.error ? 'text-bad' : 'text-ok'}>
            {state.error ?? state.ok ?? ''}
          </span>
        </div>
      </form>
    </details>
  )
}

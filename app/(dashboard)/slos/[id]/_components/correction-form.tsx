'use client'

import { useFormAction } from '@/components/forms/use-form-action'
import { Button } from '@/components/ui/button'
import { Field, Input } from '@/components/ui/field'
import { addCorrectionAction } from '../actions'

/** A period excluded from the budget: maintenance, or data known to be bad. Times in UTC. */
export function CorrectionForm({ sloId }: { sloId: string }) {
  const { state, action, pending, formRef, fieldError: error } = useFormAction(addCorrectionAction)
  return (
    <form ref={formRef} action={action} className="grid items-start gap-3 px-5 py-4 md:grid-cols-[1fr_1fr_2fr_auto]" noValidate>
      <input type="hidden" name="sloId" value={sloId} />
      <Field label="Starts (UTC)" htmlFor="correction-startsAt" error={error('startsAt')}>
        <Input id="correction-startsAt" name="startsAt" type="datetime-local" aria-invalid={Boolean(error('startsAt'))} />
      </Field>
      <Field label="Ends (UTC)" htmlFor="correction-endsAt" error={error('endsAt')}>
        <Input id="correction-endsAt" name="endsAt" type="datetime-local" aria-invalid={Boolean(error('endsAt'))} />
      </Field>
      <Field label="Reason" htmlFor="correction-reason" error={error('reason')}>
        <Input id="correction-reason" name="reason" placeholder="Planned database failover" aria-invalid={Boolean(error('reason'))} />
      </Field>
      <div className="pt-5">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? 'Adding…' : 'Add correction'}
        </Button>
      </div>
      {(state.ok || state.error) && (
        <p
          role={state.error ? 'alert' : 'status'}
          className={state.error ? 'text-sm text-bad md:col-span-4' : 'text-sm text-ok md:col-span-4'}
        >
          {state.error ?? state.ok}
        </p>
      )}
    </form>
  )
}

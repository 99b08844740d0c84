'use client'

import { useFormAction } from '@/components/forms/use-form-action'
import { Button } from '@/components/ui/button'
import { Field, Input, Select } from '@/components/ui/field'
import { addServiceAction, editServiceAction } from '../actions'

/** A service's fields as the form shows them (dates YYYY-MM-DD). */
export type ServiceFormValues = {
  serviceName: string
  team: string | null
  owner: string | null
  tier: number | null
  rolloutWave: number | null
  plannedDate: string | null
  expectedOperations: string[]
  lifecycle: string | null
  system: string | null
}

/** Add a service (`service` absent) or edit one: every field but the name may be left blank. */
export function ServiceForm({ service }: { service?: ServiceFormValues }) {
  const editing = service !== undefined
  const { state, action, pending, formRef, fieldError } = useFormAction(editing ? editServiceAction : addServiceAction)
  const id = (field: string) => `${editing ? 'edit' : 'add'}-${field}`
  const text = (field: 'team' | 'owner' | 'lifecycle' | 'system', label: string, hint?: string) => (
    <Field label={label} htmlFor={id(field)} error={fieldError(field)} hint={hint}>
      <Input id={id(field)} name={field} defaultValue={service?.[field] ?? ''} aria-invalid={Boolean(fieldError(field))} />
    </Field>
  )
  return (
    <form ref={editing ? undefined : formRef} action={action} className="grid gap-4 md:grid-cols-3" noValidate>
      <Field label="Jaeger service name" htmlFor={id('serviceName')} error={fieldError('serviceName')}>
        <Input
          id={id('serviceName')}
          name="serviceName"
          required
          readOnly={editing}
          defaultValue={service?.serviceName ?? ''}
          className="font-mono read-only:bg-surface-muted"
          aria-invalid={Boolean(fieldError('serviceName'))}
        />
      </Field>
      {text('team', 'Team')}
      {text('owner', 'Owner', 'An e-mail address or a team reference')}
      <Field label="Tier" htmlFor={id('tier')} error={fieldError('tier')} hint="1 is the most critical">
        <Select id={id('tier')} name="tier" defaultValue={service?.tier ?? ''}>
          <option value="">—</option>
          {[1, 2, 3].map((tier) => (
            <option key={tier} value={tier}>
              {tier}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Rollout wave" htmlFor={id('wave')} error={fieldError('wave')} hint="0 is the pilot">
        <Input
          id={id('wave')}
          name="wave"
          type="number"
          min={0}
          max={20}
          defaultValue={service?.rolloutWave ?? ''}
          aria-invalid={Boolean(fieldError('wave'))}
        />
      </Field>
      <Field label="Planned date" htmlFor={id('plannedDate')} error={fieldError('plannedDate')}>
        <Input
          id={id('plannedDate')}
          name="plannedDate"
          type="date"
          defaultValue={service?.plannedDate ?? ''}
          aria-invalid={Boolean(fieldError('plannedDate'))}
        />
      </Field>
      {text('lifecycle', 'Lifecycle', 'e.g. production, experimental')}
      {text('system', 'System')}
      <Field label="Expected operations" htmlFor={id('expectedOperations')} error={fieldError('expectedOperations')} hint="One per line">
        <textarea
          id={id('expectedOperations')}
          name="expectedOperations"
          rows={3}
          defaultValue={service?.expectedOperations.join('\n') ?? ''}
          aria-invalid={Boolean(fieldError('expectedOperations'))}
          className="w-full rounded-md border border-border bg-surface px-3 py-2 font-mono text-xs text-foreground focus:border-accent focus:ring-2 focus:ring-ring focus:outline-none aria-[invalid=true]:border-bad"
        />
      </Field>
      <div className="flex items-center gap-3 md:col-span-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : editing ? 'Save changes' : 'Add service'}
        </Button>
        <span role="status" aria-live="polite" className={`text-sm ${state.error ? 'text-bad' : 'text-ok'}`}>
          {state.error ?? state.ok ?? ''}
        </span>
      </div>
    </form>
  )
}

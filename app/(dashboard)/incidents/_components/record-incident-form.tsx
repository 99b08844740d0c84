'use client'

import { useFormAction } from '@/components/forms/use-form-action'
import { Button } from '@/components/ui/button'
import { Field, Input, Select } from '@/components/ui/field'
import { recordIncidentAction } from '../actions'

export function RecordIncidentForm() {
  const { state, action, pending, formRef, fieldError: error } = useFormAction(recordIncidentAction)
  const input = (name: string, label: string, props: { type?: string; hint?: string; placeholder?: string } = {}) => (
    <Field label={label} htmlFor={`incident-${name}`} error={error(name)} hint={props.hint}>
      <Input
        id={`incident-${name}`}
        name={name}
        type={props.type ?? 'text'}
        placeholder={props.placeholder}
        aria-invalid={Boolean(error(name))}
        aria-describedby={error(name) ? `incident-${name}-error` : undefined}
      />
    </Field>
  )
  return (
    <form ref={formRef} action={action} className="grid gap-4 md:grid-cols-2" noValidate>
      {input('services', 'Services', { hint: 'Inventory names, separated by commas.', placeholder: 'checkout-service, payments' })}
      {input('title', 'Title')}
      {input('startedAt', 'Started (UTC)', { type: 'datetime-local', hint: 'When impact began; or give the detection time.' })}
      {input('detectedAt', 'Detected (UTC)', { type: 'datetime-local' })}
      {input('resolvedAt', 'Resolved (UTC)', { type: 'datetime-local', hint: 'Empty while it is still open.' })}
      <Field label="Traces used" htmlFor="incident-tracesUsed" error={error('tracesUsed')}>
        <Select id="incident-tracesUsed" name="tracesUsed" defaultValue="">
          <option value="">not recorded</option>
          <option value="yes">yes</option>
          <option value="no">no</option>
        </Select>
      </Field>
      {input('traceIds', 'Trace ids', { hint: '16 or 32 hex digits, separated by commas.' })}
      {input('id', 'External id', { hint: 'Optional: the ticket or pager id.' })}
      <div className="flex items-center gap-3 md:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? 'Recording…' : 'Record incident'}
        </Button>
        <span role="status" aria-live="polite" className="text-sm text-ok">
          {state.ok ?? ''}
        </span>
        {state.error && <span className="text-sm text-bad">{state.error}</span>}
      </div>
    </form>
  )
}

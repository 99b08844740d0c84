'use client'

import { useFormAction } from '@/components/forms/use-form-action'
import { Button } from '@/components/ui/button'
import { Field, Input } from '@/components/ui/field'
import { saveOverheadMeasurementAction } from '../actions'
import { MeasurementContextFields } from './measurement-context-fields'

const FIGURES = [
  { name: 'p50OnMs', label: 'p50, tracing on (ms)' },
  { name: 'p50OffMs', label: 'p50, tracing off (ms)' },
  { name: 'p95OnMs', label: 'p95, tracing on (ms)' },
  { name: 'p95OffMs', label: 'p95, tracing off (ms)' },
  { name: 'meanOnMs', label: 'Mean, tracing on (ms)', hint: 'Optional; with both means the overhead is their difference' },
  { name: 'meanOffMs', label: 'Mean, tracing off (ms)', hint: 'Optional' },
  { name: 'samplesOn', label: 'Requests, tracing on', integer: true },
  { name: 'samplesOff', label: 'Requests, tracing off', integer: true },
] as const

/** One measurement typed in: the figures of each arm and where they come from. */
export function AddMeasurementForm({ services, nowUtc }: { services: readonly string[]; nowUtc: string }) {
  const { state, action, pending, formRef, fieldError: error } = useFormAction(saveOverheadMeasurementAction)
  return (
    <form ref={formRef} action={action} className="grid gap-4 md:grid-cols-2" noValidate aria-label="Add measurement">
      <MeasurementContextFields idPrefix="manual" services={services} nowUtc={nowUtc} error={error} />
      {FIGURES.map((figure) => (
        <Field
          key={figure.name}
          label={figure.label}
          htmlFor={`manual-${figure.name}`}
          error={error(figure.name)}
          hint={'hint' in figure ? figure.hint : undefined}
        >
          <Input
            id={`manual-${figure.name}`}
            name={figure.name}
            type="number"
            inputMode="decimal"
            min={0}
            step={'integer' in figure ? 1 : 'any'}
            aria-invalid={Boolean(error(figure.name))}
          />
        </Field>
      ))}
      <div className="flex items-center gap-3 md:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save measurement'}
        </Button>
        <span role="status" aria-live="polite" className={state.error ? 'text-sm text-bad' : 'text-sm text-ok'}>
          {state.error ?? state.ok ?? ''}
        </span>
      </div>
    </form>
  )
}

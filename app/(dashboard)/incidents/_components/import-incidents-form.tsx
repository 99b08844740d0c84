'use client'

import { useFormAction } from '@/components/forms/use-form-action'
import { Button } from '@/components/ui/button'
import { Field, Input } from '@/components/ui/field'
import { importIncidentsCsvAction } from '../actions'

export function ImportIncidentsForm() {
  const { state, action, pending, formRef, fieldError } = useFormAction(importIncidentsCsvAction)
  const lineErrors = Object.entries(state.fieldErrors ?? {}).filter(([key]) => key.startsWith('line '))
  return (
    <form ref={formRef} action={action} className="space-y-3" noValidate>
      <Field label="CSV file" htmlFor="incidents-csv" error={fieldError('file')}>
        <Input
          id="incidents-csv"
          name="file"
          type="file"
          accept=".csv,text/csv"
          className="py-1.5"
          aria-invalid={Boolean(fieldError('file'))}
        />
      </Field>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? 'Importing…' : 'Import CSV'}
        </Button>
        <span role="status" aria-live="polite" className="text-sm text-ok">
          {state.ok ?? ''}
        </span>
      </div>
      {lineErrors.length > 0 && (
        <div role="alert" className="rounded-md border border-bad/40 bg-bad-soft px-3 py-2 text-sm" data-testid="csv-errors">
          <p className="font-medium text-bad">Nothing was imported. Fix these lines and upload the file again:</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-foreground">
            {lineErrors.map(([key, messages]) => (
              <li key={key}>
                <span className="font-medium">{key}</span>: {messages?.join('; ')}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  )
}

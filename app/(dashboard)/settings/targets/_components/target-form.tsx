'use client'

import { useFormAction } from '@/components/forms/use-form-action'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/field'
import { saveTargetAction } from '../actions'

/** One target's goal and due date, inline in its row. `unit` says how the goal is entered. */
export function TargetForm({
  targetKey,
  label,
  goal,
  unit,
  dueDate,
}: {
  targetKey: string
  label: string
  goal: number
  unit: string
  dueDate: string
}) {
  const { state, action, pending, fieldError } = useFormAction(saveTargetAction)
  const message = state.error ?? fieldError('goal') ?? fieldError('dueDate')
  return (
    <form action={action} className="flex flex-wrap items-center gap-2" noValidate>
      <input type="hidden" name="key" value={targetKey} />
      <label className="flex items-center gap-1 text-xs text-muted">
        <span className="sr-only">Goal of {label}</span>
        <Input
          name="goal"
          defaultValue={String(goal)}
          inputMode="decimal"
          className="h-8 w-24"
          aria-invalid={Boolean(fieldError('goal'))}
        />
        {unit}
      </label>
      <label className="flex items-center gap-1 text-xs text-muted">
        due
        <Input
          name="dueDate"
          type="date"
          defaultValue={dueDate}
          className="h-8 w-40"
          aria-label={`Due date of ${label}`}
          aria-invalid={Boolean(fieldError('dueDate'))}
        />
      </label>
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {pending ? 'Saving…' : 'Save'}
      </Button>
      <span role="status" aria-live="polite" className={`text-xs ${message ? 'text-bad' : 'text-ok'}`}>
        {message ?? state.ok ?? ''}
      </span>
    </form>
  )
}

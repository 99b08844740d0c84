'use client'

import { Trash2 } from 'lucide-react'
import { useActionState, useEffect, useRef, useState, type ReactNode } from 'react'
import { Button, buttonClasses } from '@/components/ui/button'
import type { FormState } from '@/lib/http/form-state'

/**
 * "Delete …", then a confirmation step that says what goes with it (focus moves to Cancel, so Enter
 * does not delete by accident); the confirmed form posts `fields` to `action`, which checks the
 * permission itself and redirects when done.
 */
export function ConfirmDeleteButton({
  action: submit,
  fields,
  label,
  subject,
  children,
}: {
  action: (previous: FormState, form: FormData) => Promise<FormState>
  /** Hidden fields the action reads (the id, a confirmation word). */
  fields: Record<string, string>
  /** The first button's text, e.g. "Delete rule". */
  label: string
  /** What is deleted, for the confirmation's accessible name. */
  subject: string
  /** The question, saying what goes with it. */
  children: ReactNode
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(submit, {})
  const [confirming, setConfirming] = useState(false)
  const cancelRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (confirming) cancelRef.current?.focus()
  }, [confirming])
  const error = state.error ?? Object.values(state.fieldErrors ?? {})[0]?.[0]
  if (!confirming)
    return (
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        <Trash2 className="size-4" aria-hidden /> {label}
      </Button>
    )
  return (
    <form action={action} role="group" aria-label={`Delete ${subject}`} className="flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <span className="text-sm">{children}</span>
      <Button type="submit" variant="danger" disabled={pending}>
        <Trash2 className="size-4" aria-hidden /> Delete
      </Button>
      <button
        ref={cancelRef}
        type="button"
        className={buttonClasses({ variant: 'ghost' })}
        onClick={() => setConfirming(false)}
        disabled={pending}
      >
        Cancel
      </button>
      <span role="status" aria-live="polite" className="text-xs text-bad">
        {error ?? ''}
      </span>
    </form>
  )
}

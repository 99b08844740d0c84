'use client'

import { Trash2 } from 'lucide-react'
import { useActionState, useEffect, useRef, useState } from 'react'
import { Button, buttonClasses } from '@/components/ui/button'
import type { FormState } from '@/lib/http/form-state'
import { deleteAlertRuleAction } from '../actions'

/** "Delete rule", then a confirmation step that says what goes with it; the action redirects to /alerts. */
export function DeleteRuleButton({ ruleId, name, alertCount }: { ruleId: string; name: string; alertCount: number }) {
  const [state, action, pending] = useActionState<FormState, FormData>(deleteAlertRuleAction, {})
  const [confirming, setConfirming] = useState(false)
  const cancelRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (confirming) cancelRef.current?.focus()
  }, [confirming])
  const error = state.error ?? Object.values(state.fieldErrors ?? {})[0]?.[0]
  if (!confirming)
    return (
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        <Trash2 className="size-4" aria-hidden /> Delete rule
      </Button>
    )
  return (
    <form action={action} role="group" aria-label={`Delete ${name}`} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={ruleId} />
      <input type="hidden" name="confirm" value="delete" />
      <span className="text-sm">
        Delete {name}
        {alertCount > 0 && ` and its ${alertCount === 1 ? 'alert' : `${alertCount} alerts`}`}, with its state history? This cannot be
        undone.
      </span>
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

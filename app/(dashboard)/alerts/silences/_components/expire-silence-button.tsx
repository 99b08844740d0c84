'use client'

import { BellRing } from 'lucide-react'
import { useActionState } from 'react'
import { Button } from '@/components/ui/button'
import type { FormState } from '@/lib/http/form-state'
import { expireSilenceAction } from '../actions'

/** Ends a silence now, after the admin confirms; what happened is said beside the button. */
export function ExpireSilenceButton({ silenceId, summary }: { silenceId: string; summary: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(expireSilenceAction, {})
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(`Expire the silence ${summary}? Matching alerts notify again from now on.`)) event.preventDefault()
      }}
      className="flex items-center gap-2"
    >
      <input type="hidden" name="silenceId" value={silenceId} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        <BellRing className="size-3.5" aria-hidden />
        Expire <span className="sr-only">the silence {summary}</span>
      </Button>
      <span role="status" aria-live="polite" className={state.error ? 'text-xs text-bad' : 'text-xs text-muted'}>
        {state.error ?? state.ok ?? ''}
      </span>
    </form>
  )
}

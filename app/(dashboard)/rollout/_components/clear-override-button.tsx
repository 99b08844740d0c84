'use client'

import { useActionState } from 'react'
import type { FormState } from '@/lib/http/form-state'
import { clearRolloutOverrideAction } from '../actions'

export function ClearOverrideButton({ overrideId, service }: { overrideId: string; service: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(clearRolloutOverrideAction, {})
  return (
    <form action={action} className="inline print:hidden">
      <input type="hidden" name="overrideId" value={overrideId} />
      <button
        type="submit"
        disabled={pending}
        className="text-xs text-accent hover:underline"
        aria-label={`Clear the override of ${service}`}
      >
        {pending ? 'Clearing…' : 'Clear'}
      </button>
      {state.error && <span className="ml-1 text-xs text-bad">{state.error}</span>}
    </form>
  )
}

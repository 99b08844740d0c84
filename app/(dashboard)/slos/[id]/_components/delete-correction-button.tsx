'use client'

import { useActionState } from 'react'
import { Button } from '@/components/ui/button'
import type { FormState } from '@/lib/http/form-state'
import { deleteCorrectionAction } from '../actions'

export function DeleteCorrectionButton({ sloId, correctionId, reason }: { sloId: string; correctionId: string; reason: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(deleteCorrectionAction, {})
  return (
    <form action={action} className="inline">
      <input type="hidden" name="sloId" value={sloId} />
      <input type="hidden" name="correctionId" value={correctionId} />
      <Button type="submit" variant="ghost" disabled={pending} aria-label={`Remove correction: ${reason}`}>
        Remove
      </Button>
      {state.error && <span className="ml-2 text-xs text-bad">{state.error}</span>}
    </form>
  )
}

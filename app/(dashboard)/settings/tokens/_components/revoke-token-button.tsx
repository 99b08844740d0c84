'use client'

import { Ban } from 'lucide-react'
import { useActionState } from 'react'
import { Button } from '@/components/ui/button'
import type { FormState } from '@/lib/http/form-state'
import { revokeApiTokenAction } from '../actions'

/** Revokes after the admin confirms; what happened is said beside the button. */
export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(revokeApiTokenAction, {})
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(`Revoke the token ${name}? Every request that uses it is refused from now on; this cannot be undone.`))
          event.preventDefault()
      }}
      className="flex items-center gap-2"
    >
      <input type="hidden" name="tokenId" value={tokenId} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        <Ban className="size-3.5" aria-hidden />
        Revoke <span className="sr-only">{name}</span>
      </Button>
      <span role="status" aria-live="polite" className="text-xs text-bad">
        {state.error ?? ''}
      </span>
    </form>
  )
}

'use client'

import { Trash2 } from 'lucide-react'
import { useActionState, useEffect, useRef, useState } from 'react'
import { Button, buttonClasses } from '@/components/ui/button'
import type { FormState } from '@/lib/http/form-state'
import { deleteChannelAction } from '../actions'

/** "Delete channel", then a confirmation naming the rules that still send to it. */
export function DeleteChannelButton({ channelId, name, usedBy }: { channelId: string; name: string; usedBy: string[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(deleteChannelAction, {})
  const [confirming, setConfirming] = useState(false)
  const cancelRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (confirming) cancelRef.current?.focus()
  }, [confirming])
  if (!confirming)
    return (
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        <Trash2 className="size-4" aria-hidden /> Delete channel
      </Button>
    )
  return (
    <form action={action} role="group" aria-label={`Delete ${name}`} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={channelId} />
      <span className="text-sm">
        Delete {name} with its delivery log?
        {usedBy.length > 0 && ` ${usedBy.join(', ')} still ${usedBy.length === 1 ? 'names' : 'name'} it and will notify no one here.`}
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
        {state.error ?? ''}
      </span>
    </form>
  )
}

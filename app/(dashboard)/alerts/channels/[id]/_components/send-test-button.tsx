'use client'

import { Send } from 'lucide-react'
import { useActionState } from 'react'
import { Button } from '@/components/ui/button'
import type { FormState } from '@/lib/http/form-state'
import { sendTestNotificationAction } from '../actions'

/** Sends one test alert now and says what the receiver answered; the attempt also lands in the delivery log. */
export function SendTestButton({ channelId }: { channelId: string }) {
  const [state, action, pending] = useActionState<FormState<{ ok: boolean }>, FormData>(sendTestNotificationAction, {})
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="id" value={channelId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        <Send className="size-4" aria-hidden /> {pending ? 'Sending…' : 'Send test'}
      </Button>
      <span role="status" aria-live="polite" className={state.data?.ok ? 'text-sm text-ok' : 'text-sm text-bad'}>
        {state.ok ?? state.error ?? ''}
      </span>
    </form>
  )
}

'use client'

import { LogOut } from 'lucide-react'
import { useActionState } from 'react'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import type { FormState } from '@/lib/http/form-state'
import { revokeSessionAction, signOutEverywhereAction } from '../actions'

export type SessionItem = { id: string; current: boolean; signedIn: string; expires: string; address: string; browser: string }

function RevokeButton({ sessionId }: { sessionId: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(revokeSessionAction, {})
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="sessionId" value={sessionId} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        Sign out
      </Button>
      {state.error && <span className="text-xs text-bad">{state.error}</span>}
    </form>
  )
}

export function SessionList({ sessions }: { sessions: SessionItem[] }) {
  const [state, signOutEverywhere, pending] = useActionState<FormState, FormData>(signOutEverywhereAction, {})
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-border rounded-md border border-border">
        {sessions.map((session) => (
          <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm" data-testid="session-row">
            <div className="min-w-0">
              <div className="flex items-center gap-2 font-medium">
                {session.browser}
                {session.current && <Badge tone="accent">this browser</Badge>}
              </div>
              <p className="text-xs text-muted">
                from {session.address} · signed in {session.signedIn} · expires {session.expires}
              </p>
            </div>
            {!session.current && <RevokeButton sessionId={session.id} />}
          </li>
        ))}
      </ul>
      <form action={signOutEverywhere} className="flex items-center gap-3">
        <input type="hidden" name="confirm" value="everywhere" />
        <Button type="submit" variant="danger" disabled={pending}>
          <LogOut className="size-4" aria-hidden />
          Sign out everywhere
        </Button>
        <span className="text-xs text-muted">
          Every session ends, this one included: use it if a device was lost or a password may be known.
        </span>
        {state.error && <span className="text-xs text-bad">{state.error}</span>}
      </form>
    </div>
  )
}

'use client'

import { KeyRound, UserCheck, UserX } from 'lucide-react'
import { useActionState } from 'react'
import { Button } from '@/components/ui/button'
import type { FormState } from '@/lib/http/form-state'
import { resetUserPasswordAction, setUserDisabledAction } from '../actions'

/** Disable / enable a user, and reset their password (the temporary one is shown here once). */
export function AccountControls({ userId, email, disabled }: { userId: string; email: string; disabled: boolean }) {
  const [status, statusAction, statusPending] = useActionState<FormState, FormData>(setUserDisabledAction, {})
  const [reset, resetAction, resetPending] = useActionState<FormState<{ temporaryPassword: string }>, FormData>(resetUserPasswordAction, {})
  const error = status.error ?? reset.error
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <form action={statusAction}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="disabled" value={disabled ? 'false' : 'true'} />
          <Button
            type="submit"
            variant="secondary"
            size="sm"
            disabled={statusPending}
            aria-label={`${disabled ? 'Enable' : 'Disable'} ${email}`}
          >
            {disabled ? <UserCheck className="size-3.5" aria-hidden /> : <UserX className="size-3.5" aria-hidden />}
            {disabled ? 'Enable' : 'Disable'}
          </Button>
        </form>
        <form
          action={resetAction}
          onSubmit={(event) => {
            if (!window.confirm(`Reset the password of ${email}? They are signed out everywhere and get a temporary password from you.`))
              event.preventDefault()
          }}
        >
          <input type="hidden" name="userId" value={userId} />
          <Button type="submit" variant="secondary" size="sm" disabled={resetPending}>
            <KeyRound className="size-3.5" aria-hidden />
            Reset password <span className="sr-only">of {email}</span>
          </Button>
        </form>
      </div>
      <div role="status" aria-live="polite" className="text-xs">
        {error && <span className="text-bad">{error}</span>}
        {!error && status.ok && <span className="text-ok">{status.ok}</span>}
        {!error && reset.ok && (
          <span className="block max-w-sm text-foreground">
            {reset.ok}{' '}
            <code data-testid="temporary-password" className="rounded bg-surface-muted px-1.5 py-0.5 font-mono text-sm select-all">
              {reset.data?.temporaryPassword}
            </code>
          </span>
        )}
      </div>
    </div>
  )
}

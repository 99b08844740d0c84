'use client'

import { useFormAction } from '@/components/forms/use-form-action'
import { Button } from '@/components/ui/button'
import { Field, Input } from '@/components/ui/field'
import type { FormState } from '@/lib/http/form-state'

type Action = (previous: FormState, form: FormData) => Promise<FormState>

/** Current password, new one twice. Used on the account page and on the page a reset leads to. */
export function PasswordForm({ action: submit, submitLabel = 'Change password' }: { action: Action; submitLabel?: string }) {
  const { state, action, pending, formRef, fieldError: error } = useFormAction(submit)
  return (
    <form ref={formRef} action={action} className="grid max-w-md gap-4" noValidate>
      <Field label="Current password" htmlFor="current-password" error={error('currentPassword')}>
        <Input
          id="current-password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={Boolean(error('currentPassword'))}
        />
      </Field>
      <Field
        label="New password"
        htmlFor="new-password"
        error={error('newPassword')}
        hint="At least 12 characters. A few unrelated words make a good one."
      >
        <Input
          id="new-password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={Boolean(error('newPassword'))}
        />
      </Field>
      <Field label="New password again" htmlFor="confirm-password" error={error('confirmPassword')}>
        <Input
          id="confirm-password"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={Boolean(error('confirmPassword'))}
        />
      </Field>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </Button>
        <span role="status" aria-live="polite" className={`text-sm ${state.error ? 'text-bad' : 'text-ok'}`}>
          {state.error ?? state.ok ?? ''}
        </span>
      </div>
    </form>
  )
}

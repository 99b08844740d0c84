'use client'

import { useActionState } from 'react'
import { Button } from '@/components/ui/button'
import { Select } from '@/components/ui/field'
import { ROLES, type Role } from '@/lib/auth/schemas'
import type { FormState } from '@/lib/http/form-state'
import { changeUserRoleAction } from '../actions'

export function RoleForm({ userId, email, role }: { userId: string; email: string; role: Role }) {
  const [state, action, pending] = useActionState<FormState, FormData>(changeUserRoleAction, {})
  const message = state.error ?? state.fieldErrors?.role?.[0]
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <Select name="role" defaultValue={role} aria-label={`Role of ${email}`} className="h-8 w-32 text-xs">
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </Select>
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {pending ? 'Saving…' : 'Save'}
      </Button>
      <span role="status" aria-live="polite" className={`text-xs ${message ? 'text-bad' : 'text-ok'}`}>
        {message ?? state.ok ?? ''}
      </span>
    </form>
  )
}

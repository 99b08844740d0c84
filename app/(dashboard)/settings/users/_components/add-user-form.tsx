'use client'

import { useFormAction } from '@/components/forms/use-form-action'
import { Button } from '@/components/ui/button'
import { Field, Input, Select } from '@/components/ui/field'
import { ROLES } from '@/lib/auth/schemas'
import { createUserAction } from '../actions'

export function AddUserForm() {
  const { state, action, pending, formRef, fieldError: error } = useFormAction(createUserAction)
  return (
    <form ref={formRef} action={action} className="grid gap-4 md:grid-cols-2" noValidate>
      <Field label="Name" htmlFor="new-name" error={error('name')}>
        <Input id="new-name" name="name" required aria-invalid={Boolean(error('name'))} />
      </Field>
      <Field label="E-mail" htmlFor="new-email" error={error('email')}>
        <Input id="new-email" name="email" type="email" required aria-invalid={Boolean(error('email'))} />
      </Field>
      <Field label="Role" htmlFor="new-role" error={error('role')}>
        <Select id="new-role" name="role" defaultValue="engineer">
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Initial password"
        htmlFor="new-password"
        error={error('password')}
        hint="At least 12 characters; share it with them privately."
      >
        <Input
          id="new-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={Boolean(error('password'))}
        />
      </Field>
      <div className="flex items-center gap-3 md:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? 'Adding…' : 'Add user'}
        </Button>
        <span role="status" aria-live="polite" className="text-sm text-ok">
          {state.ok ?? ''}
        </span>
      </div>
    </form>
  )
}

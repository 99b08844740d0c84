'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { roleChangeInput, userInput } from '@/lib/auth/schemas'
import { requirePermission } from '@/lib/auth/session'
import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/errors'
import { changeUserRole, createUser } from '@/lib/users/repository'

export type UserFormState = { ok?: string; error?: string; fieldErrors?: Record<string, string[] | undefined> }

export async function createUserAction(_previous: UserFormState, form: FormData): Promise<UserFormState> {
  const admin = await requirePermission('users.manage')
  const parsed = userInput.safeParse(Object.fromEntries(form))
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors }
  try {
    const user = await createUser(parsed.data, { by: admin.id })
    revalidatePath('/settings/users')
    return { ok: `Added ${user.email} as ${user.role}.` }
  } catch (error) {
    if (error instanceof InvalidInputError) return { fieldErrors: Object.fromEntries(error.issues.map((issue) => [issue.path, [issue.message]])) }
    throw error
  }
}

export async function changeUserRoleAction(_previous: UserFormState, form: FormData): Promise<UserFormState> {
  const admin = await requirePermission('users.manage')
  const parsed = roleChangeInput.safeParse(Object.fromEntries(form))
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors }
  try {
    const user = await changeUserRole(parsed.data.userId, parsed.data.role, { by: admin.id })
    revalidatePath('/settings/users')
    return { ok: `${user.email} is now ${user.role}.` }
  } catch (error) {
    if (error instanceof ConflictError || error instanceof NotFoundError) return { error: error.message }
    throw error
  }
}

'use server'

import { revalidatePath } from 'next/cache'
import { roleChangeInput, userInput, userReferenceInput, userStatusInput } from '@/lib/auth/schemas'
import { defineAction } from '@/lib/http/define-action'
import { changeUserRole, createUser, resetUserPassword, setUserDisabled } from '@/lib/users/repository'

const refreshUsersPage = () => revalidatePath('/settings/users')

export const createUserAction = defineAction({
  permission: 'users.manage',
  input: userInput,
  run: ({ input, user }) => createUser(input, { by: user.id }),
  ok: (created) => `Added ${created.email} as ${created.role}.`,
  after: [refreshUsersPage],
})

export const changeUserRoleAction = defineAction({
  permission: 'users.manage',
  input: roleChangeInput,
  run: ({ input, user }) => changeUserRole(input.userId, input.role, { by: user.id }),
  ok: (changed) => `${changed.email} is now ${changed.role}.`,
  after: [refreshUsersPage],
})

export const setUserDisabledAction = defineAction({
  permission: 'users.manage',
  input: userStatusInput,
  run: ({ input, user }) => setUserDisabled(input.userId, input.disabled, { by: user.id }),
  ok: (changed) => (changed.disabledAt ? `${changed.email} is disabled and signed out everywhere.` : `${changed.email} can sign in again.`),
  after: [refreshUsersPage],
})

export const resetUserPasswordAction = defineAction({
  permission: 'users.manage',
  input: userReferenceInput,
  run: ({ input, user }) => resetUserPassword(input.userId, { by: user.id }),
  ok: ({ user, temporaryPassword }) => ({
    message: `${user.email} is signed out everywhere and must choose a new password after signing in with this one:`,
    data: { temporaryPassword },
  }),
  after: [refreshUsersPage],
})

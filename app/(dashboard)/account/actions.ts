'use server'

import { revalidatePath } from 'next/cache'
import { passwordChangeInput, sessionReferenceInput } from '@/lib/auth/schemas'
import { z } from 'zod'
import { defineAction } from '@/lib/http/define-action'
import { changeOwnPassword, revokeOwnSession, signOutEverywhere } from '@/lib/users/repository'

export const changeOwnPasswordAction = defineAction({
  permission: 'account.write',
  input: passwordChangeInput,
  run: ({ input, user }) => changeOwnPassword({ userId: user.id, sessionId: user.sessionId }, input),
  ok: () => 'Password changed. Your other sessions are signed out.',
  after: [() => revalidatePath('/account')],
})

export const signOutEverywhereAction = defineAction({
  permission: 'account.write',
  // The button sends it: a stray post with no fields ends nothing.
  input: z.object({ confirm: z.literal('everywhere', { error: 'confirm with the button' }) }),
  run: ({ user }) => signOutEverywhere(user.id),
  ok: () => 'Signed out everywhere.',
  redirectTo: () => '/login',
})

export const revokeSessionAction = defineAction({
  permission: 'account.write',
  input: sessionReferenceInput,
  run: ({ input, user }) => revokeOwnSession(user.id, input.sessionId),
  ok: () => 'That session is signed out.',
  after: [() => revalidatePath('/account')],
})

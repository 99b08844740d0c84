'use server'

import { passwordChangeInput } from '@/lib/auth/schemas'
import { defineAction } from '@/lib/http/define-action'
import { changeOwnPassword } from '@/lib/users/repository'

/** The password change a reset requires; back to the app once it is done. */
export const completePasswordResetAction = defineAction({
  permission: 'account.write',
  allowPasswordReset: true,
  input: passwordChangeInput,
  run: ({ input, user }) => changeOwnPassword({ userId: user.id, sessionId: user.sessionId }, input),
  ok: () => 'Password changed.',
  redirectTo: () => '/',
})

import { z } from 'zod'
import { roleSchema } from '@/lib/auth/schemas'
import { InvalidInputError } from '@/lib/errors'
import { defineRoute } from '@/lib/http/define-route'
import { changeUserRole } from '@/lib/users/repository'

export const PATCH = defineRoute({
  permission: 'users.manage',
  body: z.object({ role: roleSchema }),
  run: async ({ body, params, user }) => {
    const id = z.uuid().safeParse(params.id)
    if (!id.success) throw new InvalidInputError([{ path: 'id', message: 'not a user id' }])
    return { user: await changeUserRole(id.data, body.role, { by: user!.id }) }
  },
})

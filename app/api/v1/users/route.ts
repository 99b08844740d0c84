import { userInput } from '@/lib/auth/schemas'
import { defineRoute } from '@/lib/http/define-route'
import { createUser, listUsers } from '@/lib/users/repository'

export const GET = defineRoute({
  permission: 'users.manage',
  run: async () => ({ users: await listUsers() }),
})

export const POST = defineRoute({
  permission: 'users.manage',
  body: userInput,
  run: async ({ body, user }) => ({ user: await createUser(body, { by: user!.id }) }),
})

// Who calls a route in its DB tests: an admin, an engineer (as the session would have them) and API
// tokens by scope. Import it after the scratch database is created (it reaches lib/db).
import { createApiToken } from '@/lib/auth/api-token-repository'
import type { ApiTokenScope } from '@/lib/auth/api-tokens'
import type { ActiveUser } from '@/lib/auth/schemas'
import { createUser } from '@/lib/users/repository'

export type TestActors<T extends string> = { admin: ActiveUser; engineer: ActiveUser; tokens: Record<T, string> }

/** Creates the two users and one token per entry of `tokens` (name → its scopes), made by the admin. */
export async function createTestActors<T extends string>(
  tokens: Record<T, { name: string; scopes: ApiTokenScope[] }>,
): Promise<TestActors<T>> {
  const user = async (role: 'admin' | 'engineer'): Promise<ActiveUser> => {
    const row = await createUser({ email: `${role}@example.com`, name: role, role, password: 'correct horse battery' }, { by: null })
    return { id: row.id, email: row.email, name: row.name, role, passwordResetRequired: false, sessionId: 's'.repeat(22) }
  }
  const admin = await user('admin')
  const engineer = await user('engineer')
  const made = {} as Record<T, string>
  for (const [key, token] of Object.entries(tokens) as [T, { name: string; scopes: ApiTokenScope[] }][])
    made[key] = (await createApiToken({ name: token.name, scopes: token.scopes }, { by: admin.id })).token
  return { admin, engineer, tokens: made }
}

'use server'

import { revalidatePath } from 'next/cache'
import { createApiToken, revokeApiToken } from '@/lib/auth/api-token-repository'
import { apiTokenFormInput, apiTokenReferenceInput } from '@/lib/auth/api-tokens'
import { defineAction } from '@/lib/http/define-action'

const refreshTokensPage = () => revalidatePath('/settings/tokens')

/** The token is in this answer only: the form shows it once. */
export const createApiTokenAction = defineAction({
  permission: 'tokens.manage',
  input: apiTokenFormInput,
  run: ({ input, user }) => createApiToken(input, { by: user.id }),
  ok: ({ token, apiToken }) => ({
    message: `Created ${apiToken.name}. Copy the token now: it is not shown again.`,
    data: { token, name: apiToken.name, scopes: apiToken.scopes },
  }),
  after: [refreshTokensPage],
})

export const revokeApiTokenAction = defineAction({
  permission: 'tokens.manage',
  input: apiTokenReferenceInput,
  run: ({ input, user }) => revokeApiToken(input.tokenId, { by: user.id }),
  ok: (token) => `Revoked ${token.name}: requests with it are refused from now on.`,
  after: [refreshTokensPage],
})

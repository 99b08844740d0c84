import { NextResponse } from 'next/server'
import { postableSilenceBody, silenceListQuery, toGettableSilence } from '@/lib/alerts/alertmanager-api'
import { createSilence, listSilences } from '@/lib/alerts/silences-repository'
import { toSilenceInput } from '@/lib/alerts/silences'
import { defineRoute } from '@/lib/http/define-route'

/**
 * Silences in Alertmanager v2's JSON (gettableSilence): active ones, pending ones and those expired in
 * the last 5 days, or one `state` of them. Rows that cannot be read are left out and counted in the
 * `x-unreadable-silences` header.
 */
export const GET = defineRoute({
  permission: 'dashboard.read',
  query: silenceListQuery,
  run: async ({ query }) => {
    const now = Date.now()
    const { silences, unreadable } = await listSilences({ state: query.state, now })
    return NextResponse.json(
      silences.map((silence) => toGettableSilence(silence, now)),
      { headers: { 'cache-control': 'no-store', ...(unreadable.length ? { 'x-unreadable-silences': String(unreadable.length) } : {}) } },
    )
  },
})

/**
 * Creates a silence (Alertmanager's postableSilence, or matchers as text): 201 with `{ silenceID }`.
 * `createdBy` defaults to the caller: the signed-in user's e-mail, or the API token's name.
 */
export const POST = defineRoute({
  permission: 'alerts.write',
  token: { scope: 'alerts.write' },
  body: postableSilenceBody,
  run: async ({ body, user, token }) => {
    const createdBy = body.createdBy ?? user?.email ?? token?.name ?? 'api'
    const silence = await createSilence(toSilenceInput({ ...body, createdBy }), { by: user?.id ?? null, tokenId: token?.id ?? null })
    return { silenceID: silence.id }
  },
})

import { silenceIdParams, toGettableSilence } from '@/lib/alerts/alertmanager-api'
import { expireSilence } from '@/lib/alerts/silences-repository'
import { defineRoute } from '@/lib/http/define-route'

/** Expires a silence now (Alertmanager's DELETE /api/v2/silence/{id}): 200 with it as it is now; one already over is left as it was. */
export const DELETE = defineRoute({
  permission: 'alerts.write',
  token: { scope: 'alerts.write' },
  params: silenceIdParams,
  run: async ({ params, user, token }) => {
    const now = Date.now()
    const { silence } = await expireSilence(params.id, { by: user?.id ?? null, tokenId: token?.id ?? null, now })
    return toGettableSilence(silence, now)
  },
})

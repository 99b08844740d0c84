import { defineRoute } from '@/lib/http/define-route'
import { appUrlOf, env } from '@/lib/env'
import { getChannel } from '@/lib/notifications/channels-repository'
import { sendTestNotification } from '@/lib/notifications/dispatcher'
import { channelParams } from '@/lib/notifications/schemas'

/** Sends one test alert now and answers with what the receiver did (also in the delivery log). */
export const POST = defineRoute({
  permission: 'alerts.write',
  token: { scope: 'alerts.write' },
  params: channelParams,
  run: async ({ params }) => {
    await getChannel(params.id) // 404 when unknown
    const { retryable: _retryable, ...outcome } = await sendTestNotification(params.id, { externalUrl: appUrlOf(env()) })
    return outcome
  },
})

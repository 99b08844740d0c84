import { z } from 'zod'
import { defineRoute } from '@/lib/http/define-route'
import { getChannel } from '@/lib/notifications/channels-repository'
import { listDeliveries } from '@/lib/notifications/notifications-repository'
import { channelParams } from '@/lib/notifications/schemas'

/** The channel's delivery log, newest first: each attempt's status, latency and error. */
export const GET = defineRoute({
  permission: 'dashboard.read',
  params: channelParams,
  query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
  run: async ({ params, query }) => {
    await getChannel(params.id) // 404 when unknown
    return { deliveries: await listDeliveries(params.id, { limit: query.limit }) }
  },
})

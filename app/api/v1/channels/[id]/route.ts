import { NextResponse } from 'next/server'
import { defineRoute } from '@/lib/http/define-route'
import { deleteChannel, getChannel, saveChannel } from '@/lib/notifications/channels-repository'
import { channelInput, channelParams } from '@/lib/notifications/schemas'

export const GET = defineRoute({
  permission: 'dashboard.read',
  params: channelParams,
  run: async ({ params }) => getChannel(params.id),
})

/** Replaces the channel; a missing or empty `secret` keeps the stored one (unless the type changes). */
export const PUT = defineRoute({
  permission: 'alerts.write',
  token: { scope: 'alerts.write' },
  params: channelParams,
  body: channelInput,
  run: async ({ params, body, user, token }) => saveChannel(body, { id: params.id, by: user?.id ?? null, token }),
})

/** Deletes the channel with its queue and delivery log: 204. */
export const DELETE = defineRoute({
  permission: 'alerts.write',
  token: { scope: 'alerts.write' },
  params: channelParams,
  run: async ({ params, user, token }) => {
    await deleteChannel(params.id, { by: user?.id ?? null, token })
    return new NextResponse(null, { status: 204, headers: { 'cache-control': 'no-store' } })
  },
})

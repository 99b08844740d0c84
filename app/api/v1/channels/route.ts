import { NextResponse } from 'next/server'
import { defineRoute } from '@/lib/http/define-route'
import { listChannels, saveChannel } from '@/lib/notifications/channels-repository'
import { channelInput } from '@/lib/notifications/schemas'

/** Every channel, secrets left out (only whether one is set, and its last characters). */
export const GET = defineRoute({
  permission: 'dashboard.read',
  run: async () => ({ channels: await listChannels() }),
})

/** Creates a channel: 201, or 409 naming `name` when one of that name exists. A session with alerts.write, or a token with that scope. */
export const POST = defineRoute({
  permission: 'alerts.write',
  token: { scope: 'alerts.write' },
  body: channelInput,
  run: async ({ body, user, token }) => {
    const channel = await saveChannel(body, { by: user?.id ?? null, token })
    return NextResponse.json(channel, { status: 201, headers: { location: `/api/v1/channels/${channel.id}`, 'cache-control': 'no-store' } })
  },
})

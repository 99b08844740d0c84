'use server'

import { revalidatePath } from 'next/cache'
import { defineAction } from '@/lib/http/define-action'
import { saveChannel } from '@/lib/notifications/channels-repository'
import { channelForm } from '@/lib/notifications/channel-form'

const refreshChannelPages = () => revalidatePath('/alerts/channels', 'layout')

/** Creates a channel (the form on /alerts/channels) or saves one (its page). */
export const saveChannelAction = defineAction({
  permission: 'alerts.write',
  input: channelForm,
  run: ({ input: { id, ...channel }, user }) => saveChannel(channel, { id, by: user.id }),
  ok: (channel) => `Saved ${channel.name}.`,
  after: [refreshChannelPages],
  redirectTo: (channel) => `/alerts/channels/${channel.id}`,
})

'use server'

import { revalidatePath } from 'next/cache'
import { appUrlOf, env } from '@/lib/env'
import { defineAction } from '@/lib/http/define-action'
import { deleteChannel } from '@/lib/notifications/channels-repository'
import { channelReference } from '@/lib/notifications/channel-form'
import { sendTestNotification } from '@/lib/notifications/dispatcher'

const refreshChannelPages = () => revalidatePath('/alerts/channels', 'layout')

export const deleteChannelAction = defineAction({
  permission: 'alerts.write',
  input: channelReference,
  run: ({ input, user }) => deleteChannel(input.id, { by: user.id }),
  ok: () => 'Deleted.',
  after: [refreshChannelPages],
  redirectTo: () => '/alerts/channels',
})

/** Sends one test alert now; the answer (and the delivery log) says what the receiver made of it. */
export const sendTestNotificationAction = defineAction({
  permission: 'alerts.write',
  input: channelReference,
  run: ({ input }) => sendTestNotification(input.id, { externalUrl: appUrlOf(env()) }),
  ok: (outcome) =>
    outcome.ok
      ? { message: `Delivered: the receiver answered ${outcome.httpStatus} in ${outcome.latencyMs} ms.`, data: { ok: true } }
      : { message: `Not delivered: ${outcome.error}`, data: { ok: false } },
  after: [refreshChannelPages],
})

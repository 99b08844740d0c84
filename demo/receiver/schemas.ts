// What the demo receiver keeps of each notification and answers on GET /api/notifications: the
// Alertmanager webhook body as parsed, with when it arrived. Tests and the browser tests read it.
import { z } from 'zod'
import { alertmanagerWebhookSchema } from '@/lib/alerts/notify/alertmanager-payload'

export const receivedNotificationSchema = z.object({
  /** 1 for the first notification since the receiver started, then counting up. */
  id: z.number().int().min(1),
  receivedAt: z.iso.datetime(),
  payload: alertmanagerWebhookSchema,
})
export type ReceivedNotification = z.infer<typeof receivedNotificationSchema>

export const notificationsResponseSchema = z.object({
  /** Notifications received since the receiver started, those no longer kept included. */
  received: z.number().int().min(0),
  /** The kept ones, newest first. */
  notifications: z.array(receivedNotificationSchema),
})
export type NotificationsResponse = z.infer<typeof notificationsResponseSchema>

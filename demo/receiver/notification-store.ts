// The demo receiver's memory: the last `capacity` notifications, newest first. Nothing is written to
// disk; a restart starts empty, as a receiver that only shows what it was sent should.
import type { AlertmanagerWebhook } from '@/lib/alerts/notify/alertmanager-payload'
import type { NotificationsResponse, ReceivedNotification } from './schemas'

export const NOTIFICATION_CAPACITY = 500

export type NotificationStore = {
  capacity: number
  add(payload: AlertmanagerWebhook): ReceivedNotification
  /** The kept notifications, newest first, and how many arrived in all. */
  list(): NotificationsResponse
}

export function createNotificationStore({
  capacity = NOTIFICATION_CAPACITY,
  now = Date.now,
  onAdd,
}: {
  capacity?: number
  /** Wall clock in ms; tests pin it. */
  now?: () => number
  onAdd?: (notification: ReceivedNotification) => void
} = {}): NotificationStore {
  if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`capacity must be a whole number ≥ 1, got ${capacity}`)
  const kept: ReceivedNotification[] = []
  let received = 0
  return {
    capacity,
    add(payload) {
      received += 1
      const notification = { id: received, receivedAt: new Date(now()).toISOString(), payload }
      kept.unshift(notification)
      if (kept.length > capacity) kept.length = capacity
      onAdd?.(notification)
      return notification
    },
    list: () => ({ received, notifications: [...kept] }),
  }
}

import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { alertmanagerWebhookSchema } from '@/lib/alerts/notify/alertmanager-payload'
import { createNotificationStore, NOTIFICATION_CAPACITY } from './notification-store'

const SAMPLES = path.resolve(import.meta.dirname, '../../fixtures/formats/alertmanager-webhook')
const sample = (file: string) => alertmanagerWebhookSchema.parse(JSON.parse(fs.readFileSync(path.join(SAMPLES, file), 'utf8')))
const T0 = Date.parse('2026-12-06T12:00:00Z')

/** A store on a clock that moves one second per notification. */
function storeOf(capacity?: number) {
  let clock = T0
  return createNotificationStore({ capacity, now: () => (clock += 1000) })
}
const receiverOf = (index: number) => ({ ...sample('alert.json'), receiver: `r${index}` })

describe('createNotificationStore', () => {
  test('starts empty', () => {
    expect(storeOf().list()).toEqual({ received: 0, notifications: [] })
  })

  test('lists newest first, each numbered and stamped with when it arrived', () => {
    const store = storeOf()
    store.add(sample('alert.json'))
    store.add(sample('with_common_items.json'))
    expect(store.list()).toEqual({
      received: 2,
      notifications: [
        { id: 2, receivedAt: '2026-12-06T12:00:02.000Z', payload: sample('with_common_items.json') },
        { id: 1, receivedAt: '2026-12-06T12:00:01.000Z', payload: sample('alert.json') },
      ],
    })
  })

  test.each([
    ['below capacity', 3, 2, ['r2', 'r1']],
    ['at capacity', 3, 3, ['r3', 'r2', 'r1']],
    ['past capacity: the oldest go', 3, 7, ['r7', 'r6', 'r5']],
  ])('%s', (_label, capacity, added, receivers) => {
    const store = storeOf(capacity)
    for (let index = 1; index <= added; index++) store.add(receiverOf(index))
    const { received, notifications } = store.list()
    expect(received).toBe(added)
    expect(notifications.map((notification) => notification.payload.receiver)).toEqual(receivers)
  })

  test(`keeps the last ${NOTIFICATION_CAPACITY} by default`, () => {
    const store = storeOf()
    for (let index = 1; index <= NOTIFICATION_CAPACITY + 20; index++) store.add(receiverOf(index))
    const { notifications } = store.list()
    expect(notifications).toHaveLength(NOTIFICATION_CAPACITY)
    expect([notifications[0]!.id, notifications.at(-1)!.id]).toEqual([NOTIFICATION_CAPACITY + 20, 21])
  })

  test('a listing is a copy: later notifications do not change it', () => {
    const store = storeOf()
    store.add(receiverOf(1))
    const before = store.list()
    store.add(receiverOf(2))
    expect(before.notifications).toHaveLength(1)
  })

  test('tells its listener of each notification kept', () => {
    const heard: number[] = []
    const store = createNotificationStore({ onAdd: (notification) => heard.push(notification.id) })
    store.add(receiverOf(1))
    store.add(receiverOf(2))
    expect(heard).toEqual([1, 2])
  })

  test.each([0, -1, 2.5])('refuses a capacity of %s', (capacity) => {
    expect(() => createNotificationStore({ capacity })).toThrow(/capacity/)
  })
})

import fc from 'fast-check'
import { expect, test } from 'vitest'
import { fromMicros, toMicros } from './micros'

test('µs and Date round-trip at millisecond precision', () => {
  expect(toMicros(new Date(Date.UTC(2026, 11, 6, 7, 0, 0, 123)))).toBe(Date.UTC(2026, 11, 6, 7, 0, 0, 123) * 1000)
  fc.assert(
    fc.property(
      fc.date({ min: new Date(0), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }),
      (date) => fromMicros(toMicros(date)).getTime() === date.getTime(),
    ),
  )
})

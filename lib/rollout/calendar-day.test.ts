import { expect, test } from 'vitest'
import { addDays, calendarDaySchema, dayOf, daysBetween } from './calendar-day'

test.each([
  ['the next day', '2026-12-09', 1, '2026-12-10'],
  ['across a month end', '2026-11-30', 1, '2026-12-01'],
  ['across a year end', '2026-12-31', 1, '2027-01-01'],
  ['into a leap day', '2028-02-28', 1, '2028-02-29'],
  ['backwards across a year', '2027-01-01', -1, '2026-12-31'],
  ['over a DST change (UTC has none)', '2026-03-28', 2, '2026-03-30'],
])('addDays: %s', (_label, day, days, expected) => {
  expect(addDays(day, days)).toBe(expected)
  expect(daysBetween(day, expected)).toBe(days)
})

test('dayOf is the UTC day, whatever the local zone says', () => {
  expect(dayOf(new Date('2026-12-09T23:59:59.999Z'))).toBe('2026-12-09')
  expect(dayOf(new Date('2026-12-10T00:30:00+02:00'))).toBe('2026-12-09')
})

test('a string that is not a day is refused, not miscounted', () => {
  expect(() => addDays('2026-12-9', 1)).toThrow(RangeError)
  expect(() => daysBetween('yesterday', '2026-12-09')).toThrow(/not a calendar day/)
  expect(() => addDays('2026-02-30', 0)).toThrow(RangeError)
  expect(calendarDaySchema.safeParse('2026-02-30').success).toBe(false)
  expect(calendarDaySchema.safeParse('2026-02-28').success).toBe(true)
})

import { expect, test } from 'vitest'
import { formatDate, formatDateTime, formatDay, formatMoment, formatTime } from './date'

// 23:30 UTC on the 14th is already the 15th east of Greenwich: pages must not shift the day.
const late = new Date('2026-11-14T23:30:00Z')

test.each([
  ['formatDay', formatDay(late), 'Nov 14'],
  ['formatDate', formatDate(late), 'Nov 14, 2026'],
  ['formatDateTime', formatDateTime(late), 'Nov 14, 2026, 11:30 PM'],
  ['formatTime', formatTime(late), '23:30'],
  ['formatMoment, same UTC day', formatMoment(late, new Date('2026-11-14T01:00:00Z')), '23:30 UTC'],
  ['formatMoment, another day', formatMoment(late, new Date('2026-11-15T00:10:00Z')), 'Nov 14, 23:30 UTC'],
])('%s reads the UTC calendar: %s', (_name, text, expected) => expect(text).toBe(expected))

import { expect, test } from 'vitest'
import { formatRelativeTime, formatTimeFromNow } from './relative-time'

const now = new Date('2026-01-02T00:00:00Z')
test.each([
  ['2026-01-01T23:59:48Z', '12 s ago'],
  ['2026-01-01T23:55:00Z', '5 min ago'],
  ['2026-01-01T21:00:00Z', '3 h ago'],
  ['2025-12-31T00:00:00Z', '2 d ago'],
  ['2026-01-02T00:00:05Z', 'just now'],
])('%s reads %s', (then, text) => expect(formatRelativeTime(new Date(then), now)).toBe(text))

test.each([
  ['2026-01-02T00:00:05Z', 'in 5 s'],
  ['2026-01-02T02:30:00Z', 'in 2 h'],
  ['2026-01-04T00:00:00Z', 'in 2 d'],
  ['2026-01-02T00:00:00Z', '0 s ago'],
  ['2026-01-01T23:55:00Z', '5 min ago'],
])('%s from now reads %s', (then, text) => expect(formatTimeFromNow(new Date(then), now)).toBe(text))

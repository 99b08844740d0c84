import { expect, test } from 'vitest'
import { formatDuration } from './duration'

test.each([
  [850, '850 ms'],
  [42_000, '42 s'],
  [180_000, '3 min'],
  [2 * 3_600_000 + 5 * 60_000, '2 h 5 min'],
  [3 * 3_600_000, '3 h'],
  [3 * 86_400_000 + 4 * 3_600_000, '3 d 4 h'],
])('%i ms reads %s', (ms, text) => expect(formatDuration(ms)).toBe(text))

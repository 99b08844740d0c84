import { expect, test } from 'vitest'
import { formatDurationUs } from './duration-us'

test.each([
  ['nothing', 0, '0 µs'],
  ['below a millisecond', 850, '850 µs'],
  ['a fraction of a µs rounds', 0.4, '0 µs'],
  ['just under a millisecond rounds up into ms', 999.6, '1 ms'],
  ['milliseconds keep two decimals', 1_234, '1.23 ms'],
  ['trailing zeros are dropped', 2_000, '2 ms'],
  ['tens of milliseconds keep one decimal', 12_345, '12.3 ms'],
  ['hundreds of milliseconds keep none', 456_789, '457 ms'],
  ['just under a second rounds up into s', 999_960, '1 s'],
  ['seconds keep two decimals', 1_420_000, '1.42 s'],
  ['tens of seconds keep one decimal', 42_250_000, '42.3 s'],
  ['a minute and more reads like formatDuration', 180_000_000, '3 min'],
  ['just under a minute rounds up into minutes', 59_990_000, '1 min'],
])('%s: %d µs reads %s', (_label, us, text) => expect(formatDurationUs(us)).toBe(text))

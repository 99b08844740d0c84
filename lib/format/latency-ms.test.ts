import { expect, test } from 'vitest'
import { formatDeltaMs, formatLatencyMs } from './latency-ms'

test.each([
  [3.254, '3.25 ms', '+3.25 ms'],
  [41.83, '41.8 ms', '+41.8 ms'],
  [3264.99, '3,265 ms', '+3,265 ms'],
  [0, '0.00 ms', '0.00 ms'],
])('%s', (ms, plain, delta) => {
  expect(formatLatencyMs(ms)).toBe(plain)
  expect(formatDeltaMs(ms)).toBe(delta)
})

test('a negative overhead keeps its sign', () => {
  expect(formatDeltaMs(-0.5)).toBe('−0.50 ms')
})

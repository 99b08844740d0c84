import { expect, test } from 'vitest'
import { DEFAULT_TARGETS } from './defaults'
import { formatGoal } from './format-goal'

test.each([
  ['services_traced', '23 of 23'],
  ['tracing_overhead', '< 5 ms'],
  ['trace_reliability', '≥ 99.9 %'],
  ['debugging_time', '50 % faster'],
])('the default %s goal reads %s', (key, text) => {
  const target = DEFAULT_TARGETS.find((t) => t.key === key)!
  expect(formatGoal(target, 23)).toBe(text)
})

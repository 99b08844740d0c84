import { describe, expect, it } from 'vitest'
import { formatRuleValue } from './format-rule-value'

describe('formatRuleValue', () => {
  it('reads each unit as people say it', () => {
    expect(formatRuleValue('ms', 504.2)).toBe('504 ms')
    expect(formatRuleValue('ms', 12.34)).toBe('12.3 ms')
    expect(formatRuleValue('ms', 2345)).toBe('2.35 s')
    expect(formatRuleValue('ratio', 0.0512)).toMatch(/^5\.1 %$/)
    expect(formatRuleValue('ratio', 0.9987)).toMatch(/^99\.87 %$/)
    expect(formatRuleValue('factor', 2.666)).toBe('2.67 × baseline')
    expect(formatRuleValue('deviation', 7.25)).toBe('7.3 σ')
    expect(formatRuleValue('minutes', 12.4)).toBe('12 min silent')
    expect(formatRuleValue('failing_metrics', 1)).toBe('1 failing canary metric')
    expect(formatRuleValue('failing_metrics', 3)).toBe('3 failing canary metrics')
  })
})

import { describe, expect, it } from 'vitest'
import { describeErrorRateChange, describeLatencyChange, describeThroughputShare, formatPValue } from './canary-reasons'

describe('canary reasons', () => {
  it.each([
    { name: 'a large p-value', pValue: 0.6021, text: 'p = 0.6' },
    { name: 'no evidence at all', pValue: 1, text: 'p = 1' },
    { name: 'just above 0.001', pValue: 0.00123, text: 'p = 0.0012' },
    { name: 'a tiny p-value', pValue: 2.83e-108, text: 'p = 2.8e-108' },
    { name: 'an underflowed p-value', pValue: 0, text: 'p < 1e-300' },
  ])('formatPValue: $name reads "$text"', ({ pValue, text }) => expect(formatPValue(pValue)).toBe(text))

  it.each([
    { name: 'slower', canaryMs: 182.4, baselineMs: 139.2, text: 'p95 is 31 % higher on the canary (182 ms vs 139 ms)' },
    { name: 'faster, under a millisecond', canaryMs: 0.42, baselineMs: 0.6, text: 'p95 is 30 % lower on the canary (420 µs vs 600 µs)' },
    { name: 'within half a percent', canaryMs: 1001, baselineMs: 1000, text: 'p95 is unchanged on the canary (1 s vs 1 s)' },
    { name: 'above a 0 ms baseline', canaryMs: 2, baselineMs: 0, text: 'p95 is higher on the canary (2 ms vs 0 µs)' },
  ])('describeLatencyChange: $name', ({ canaryMs, baselineMs, text }) =>
    expect(describeLatencyChange('p95', canaryMs, baselineMs)).toBe(text),
  )

  it.each([
    {
      name: 'higher',
      canaryRate: 0.08,
      baselineRate: 0.01,
      text: 'Error rate is 7.00 percentage points higher on the canary (8.00 % vs 1.00 %)',
    },
    {
      name: 'lower',
      canaryRate: 0.005,
      baselineRate: 0.01,
      text: 'Error rate is 0.50 percentage points lower on the canary (0.50 % vs 1.00 %)',
    },
    { name: 'the same', canaryRate: 0.01, baselineRate: 0.01, text: 'Error rate is the same on both versions (1.00 %)' },
  ])('describeErrorRateChange: $name', ({ canaryRate, baselineRate, text }) =>
    expect(describeErrorRateChange(canaryRate, baselineRate)).toBe(text),
  )

  it('describeThroughputShare: with and without requests', () => {
    expect(describeThroughputShare(100, 1100)).toBe('The canary serves 9.1 % of requests (100 of 1,100)')
    expect(describeThroughputShare(0, 0)).toBe('No requests on either version yet')
  })
})

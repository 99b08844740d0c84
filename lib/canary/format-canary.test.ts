import { describe, expect, test } from 'vitest'
import type { CanaryMetric } from './canary-judge'
import { formatCanaryChange, formatCanaryFigure, formatCanaryPValue, formatErrorRateChange, formatP95Ratio } from './format-canary'

type Figures = Pick<CanaryMetric, 'metric' | 'unit' | 'ratio' | 'difference'>

describe('formatCanaryFigure', () => {
  test.each([
    ['a percentile, in ms', { metric: 'p95', unit: 'ms' }, 182.4, '182 ms'],
    ['a sub-millisecond percentile', { metric: 'p50', unit: 'ms' }, 0.85, '850 µs'],
    ['the error rate, two decimals', { metric: 'error_rate', unit: 'ratio' }, 0.08, '8.00 %'],
    ['the traffic share', { metric: 'throughput_share', unit: 'ratio' }, 0.35, '35.0 %'],
    ['none', { metric: 'p99', unit: 'ms' }, null, '—'],
  ] as const)('%s', (_label, figure, value, expected) => {
    expect(formatCanaryFigure(figure, value)).toBe(expected)
  })
})

describe('formatCanaryChange', () => {
  test.each([
    ['slower percentile: percent and ms', { metric: 'p95', unit: 'ms', ratio: 1.31, difference: 43 }, '+31 % (+43 ms)'],
    ['faster percentile', { metric: 'p50', unit: 'ms', ratio: 0.9, difference: -2 }, '−10 % (−2 ms)'],
    ['over a 0 ms baseline: no ratio', { metric: 'p50', unit: 'ms', ratio: null, difference: 0.5 }, '+500 µs'],
    ['error rate in percentage points', { metric: 'error_rate', unit: 'ratio', ratio: null, difference: 0.07 }, '+7.00 pp'],
    ['no comparison (distribution, share)', { metric: 'latency_distribution', unit: 'ratio', ratio: null, difference: null }, '—'],
  ] satisfies [string, Figures, string][])('%s', (_label, figures, expected) => {
    expect(formatCanaryChange(figures)).toBe(expected)
  })
})

test.each([
  [formatCanaryPValue(0.042), 'p = 0.042'],
  [formatCanaryPValue(null), '—'],
  [formatP95Ratio(1.314), '×1.31'],
  [formatP95Ratio(null), '—'],
  [formatErrorRateChange(-0.005), '−0.50 pp'],
  [formatErrorRateChange(0), '0.00 pp'],
])('%s', (actual, expected) => {
  expect(actual).toBe(expected)
})

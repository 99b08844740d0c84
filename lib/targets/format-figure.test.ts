import { describe, expect, it } from 'vitest'
import { formatFigure } from './format-figure'

describe('formatFigure', () => {
  it('reads each target in its own unit', () => {
    expect(formatFigure('services_traced', 18)).toBe('18')
    expect(formatFigure('services_traced', 18, 23)).toBe('18 of 23')
    expect(formatFigure('services_traced', 27.642857142857142)).toBe('28')
    expect(formatFigure('tracing_overhead', 2.6912)).toBe('2.69 ms')
    expect(formatFigure('trace_reliability', 0.99925)).toMatch(/^99\.9[23] %$/)
    expect(formatFigure('debugging_time', 0.52)).toBe('52 % faster')
    expect(formatFigure('debugging_time', -0.1)).toBe('10 % slower')
  })
})

import { describe, expect, it } from 'vitest'
import { formatRatioTick, ratioAxis } from './ratio-ticks'

describe('ratioAxis', () => {
  it('widens to round steps', () => {
    expect(ratioAxis(0.1939, 1)).toEqual({ domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] })
    expect(ratioAxis(-6.54, 1)).toEqual({ domain: [-8, 1], ticks: [-8, -6, -4, -2, 0, 1] })
    expect(ratioAxis(0.98, 1).ticks).toEqual([0.98, 0.985, 0.99, 0.995, 1])
  })

  it('reads as percents', () => {
    expect(ratioAxis(0.98, 1).ticks.map(formatRatioTick)).toEqual(['98 %', '98.5 %', '99 %', '99.5 %', '100 %'])
  })
})

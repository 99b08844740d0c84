import { describe, expect, it } from 'vitest'
import { erfc, normalTail } from './normal-tail'

// Reference values: scipy.special.erfc and scipy.stats.norm.sf (SciPy 1.17.1).
describe('erfc', () => {
  it.each([
    { x: 0, expected: 1 },
    { x: 0.3, expected: 0.6713732405408726 },
    { x: -0.3, expected: 1.3286267594591274 },
    { x: 0.46875, expected: 0.507386526782062 },
    { x: 1, expected: 0.15729920705028516 },
    { x: -1, expected: 1.8427007929497148 },
    { x: 2, expected: 0.004677734981047266 },
    { x: 3.9, expected: 3.479224859723178e-8 },
    { x: 4, expected: 1.541725790028002e-8 },
    { x: 4.5, expected: 1.9661604415428878e-10 },
    { x: 5, expected: 1.5374597944280347e-12 },
    { x: 10, expected: 2.0884875837625446e-45 },
    { x: 26, expected: 5.663192408856145e-296 },
    { x: -5, expected: 1.9999999999984626 },
  ])('erfc($x) = $expected to 1e-14 relative', ({ x, expected }) => {
    expect(Math.abs(erfc(x) - expected) / expected).toBeLessThan(1e-14)
  })

  it('underflows to 0 past x = 26.543, and is 2 far to the left', () => {
    expect(erfc(27)).toBe(0)
    expect(erfc(-27)).toBe(2)
    expect(erfc(Number.NaN)).toBeNaN()
  })
})

describe('normalTail', () => {
  it.each([
    { z: 0, expected: 0.5 },
    { z: 1.959963984540054, expected: 0.025 },
    { z: 2.3263478740408408, expected: 0.01 },
    { z: -3, expected: 0.9986501019683699 },
    { z: 8, expected: 6.22096057427174e-16 },
    { z: 20, expected: 2.7536241186061556e-89 },
  ])('P(Z ≥ $z) = $expected', ({ z, expected }) => {
    expect(Math.abs(normalTail(z) - expected) / expected).toBeLessThan(1e-13)
  })

  it('is symmetric: normalTail(z) + normalTail(−z) = 1', () => {
    for (const z of [0.1, 0.7, 1.5, 3, 6]) expect(normalTail(z) + normalTail(-z)).toBeCloseTo(1, 15)
  })
})

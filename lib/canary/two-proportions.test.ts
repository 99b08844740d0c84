import { describe, expect, it } from 'vitest'
import { computeTwoProportions } from './two-proportions'

const sample = (errors: number, requests: number) => ({ errors, requests })

describe('computeTwoProportions', () => {
  // z by hand: 8/100 vs 1/100 pools to 9/200 = 0.045; σ = √(0.045 · 0.955 · (1/100 + 1/100)) = 0.029317; z = 0.07 / σ.
  // p-values: scipy.stats.norm.sf(z), SciPy 1.17.1.
  it.each([
    {
      name: 'an error burst on a small sample',
      canary: sample(8, 100),
      baseline: sample(1, 100),
      z: 2.3876743804510374,
      p: 0.008477678432078436,
    },
    {
      name: 'the same burst on 10× the traffic',
      canary: sample(80, 1000),
      baseline: sample(10, 1000),
      z: 7.550489353056692,
      p: 2.1681292448040616e-14,
    },
    {
      name: 'a canary with fewer errors',
      canary: sample(3, 400),
      baseline: sample(12, 600),
      z: -1.5931324696929152,
      p: 0.9444347616880016,
    },
  ])('$name: z = $z, p = $p', ({ canary, baseline, z, p }) => {
    const result = computeTwoProportions(canary, baseline)
    expect(result.canaryRate).toBe(canary.errors / canary.requests)
    expect(result.baselineRate).toBe(baseline.errors / baseline.requests)
    expect(result.difference).toBe(canary.errors / canary.requests - baseline.errors / baseline.requests)
    expect(result.z).toBeCloseTo(z, 12)
    expect(Math.abs(result.pValueWorse - p) / p).toBeLessThan(1e-10)
  })

  it.each([
    { name: 'no errors on either side', canary: { requests: 500, errors: 0 }, baseline: { requests: 800, errors: 0 }, rates: [0, 0] },
    {
      name: 'nothing but errors on both sides',
      canary: { requests: 50, errors: 50 },
      baseline: { requests: 70, errors: 70 },
      rates: [1, 1],
    },
  ])('has nothing to test with $name: z = 0, p = 1', ({ canary, baseline, rates }) => {
    expect(computeTwoProportions(canary, baseline)).toEqual({
      canaryRate: rates[0],
      baselineRate: rates[1],
      difference: 0,
      z: 0,
      pValueWorse: 1,
    })
  })

  it('has no rate for a side without requests', () => {
    expect(computeTwoProportions({ requests: 0, errors: 0 }, { requests: 100, errors: 5 })).toEqual({
      canaryRate: null,
      baselineRate: 0.05,
      difference: null,
      z: 0,
      pValueWorse: 1,
    })
  })

  it.each([
    { name: 'more errors than requests', sample: { requests: 10, errors: 11 } },
    { name: 'negative errors', sample: { requests: 10, errors: -1 } },
    { name: 'a fractional count', sample: { requests: 10.5, errors: 1 } },
  ])('rejects $name', ({ sample }) => {
    expect(() => computeTwoProportions(sample, { requests: 100, errors: 1 })).toThrow(RangeError)
  })
})

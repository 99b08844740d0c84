import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bucketValueUs } from '@/lib/metrics/bucket-mapping'
import { histogramOf, LatencyHistogram } from '@/lib/metrics/histogram'
import { computeMannWhitney } from './mann-whitney'

/** The textbook route over raw values, independent of bins: average ranks, U = R₁ − n₁(n₁ + 1)/2, ties by equal value. */
function bruteForce(canaryUs: number[], baselineUs: number[]) {
  const all = [...canaryUs.map((valueUs) => ({ valueUs, canary: true })), ...baselineUs.map((valueUs) => ({ valueUs, canary: false }))]
  all.sort((a, b) => a.valueUs - b.valueUs)
  let rankSum = 0
  let tieTerm = 0
  for (let start = 0; start < all.length;) {
    let end = start
    while (end < all.length && all[end]!.valueUs === all[start]!.valueUs) end++
    const averageRank = (start + 1 + end) / 2
    for (let i = start; i < end; i++) if (all[i]!.canary) rankSum += averageRank
    const tied = end - start
    tieTerm += tied ** 3 - tied
    start = end
  }
  const [n1, n2, total] = [canaryUs.length, baselineUs.length, all.length]
  const u = rankSum - (n1 * (n1 + 1)) / 2
  const variance = ((n1 * n2) / 12) * (total + 1 - tieTerm / (total * (total - 1)))
  return { u, z: (u - (n1 * n2) / 2) / Math.sqrt(variance) }
}

describe('computeMannWhitney', () => {
  it('matches a hand-computed example with ties and the zero bucket', () => {
    // baseline 1, 2, 2, 3 ms; canary 0, 2, 3, 3, 4 ms.
    // U = 0 (0 ms) + (1 + ½·2) (2 ms) + 2·(3 + ½·1) (3 ms) + 4 (4 ms) = 13 of 20 pairs.
    // Ties: {2, 2, 2} and {3, 3, 3}, Σ(t³ − t) = 48; σ² = 20/12 · (10 − 48/72) = 140/9; z = 3/σ = 9/√140.
    const result = computeMannWhitney(histogramOf([0, 2000, 3000, 3000, 4000]), histogramOf([1000, 2000, 2000, 3000]))
    expect(result).toMatchObject({ u: 13, n1: 5, n2: 4, probabilityCanarySlower: 0.65 })
    expect(result.z).toBeCloseTo(9 / Math.sqrt(140), 14)
    // scipy.stats.mannwhitneyu(canary, baseline, use_continuity=False, method='asymptotic'), SciPy 1.17.1
    expect(result.pValueSlower).toBeCloseTo(0.2234364103554154, 14)
    expect(result.pValueFaster).toBeCloseTo(0.7765635896445846, 14)
    expect(result.pValueTwoSided).toBeCloseTo(0.4468728207108308, 14)
  })

  it('equals the brute-force U and z over raw values when each distinct value has its own bin', () => {
    // Bin representatives (and 0, the zero bucket) land in distinct bins; a narrow key range forces many ties.
    const valueUs = fc.oneof(fc.constant(0), fc.integer({ min: 340, max: 360 }).map(bucketValueUs))
    fc.assert(
      fc.property(
        fc.array(valueUs, { minLength: 1, maxLength: 60 }),
        fc.array(valueUs, { minLength: 1, maxLength: 60 }),
        (canaryUs, baselineUs) => {
          const canary = histogramOf(canaryUs)
          const baseline = histogramOf(baselineUs)
          const distinct = new Set([...canaryUs, ...baselineUs])
          const merged = histogramOf([...canaryUs, ...baselineUs])
          expect(merged.buckets().length + (merged.zeroCount > 0 ? 1 : 0)).toBe(distinct.size)
          const result = computeMannWhitney(canary, baseline)
          const expected = bruteForce(canaryUs, baselineUs)
          expect(result.u).toBe(expected.u)
          if (distinct.size > 1) expect(result.z).toBeCloseTo(expected.z, 10)
        },
      ),
    )
  })

  it('is antisymmetric: swapping the versions swaps the tails', () => {
    const a = histogramOf([1000, 1500, 2200, 2200, 4000, 9000])
    const b = histogramOf([800, 1500, 1600, 2000])
    const forward = computeMannWhitney(a, b)
    const backward = computeMannWhitney(b, a)
    expect(forward.u + backward.u).toBe(forward.n1 * forward.n2)
    expect(forward.pValueSlower).toBeCloseTo(backward.pValueFaster, 15)
    expect(forward.pValueTwoSided).toBeCloseTo(backward.pValueTwoSided, 15)
  })

  it('finds nothing between identical histograms', () => {
    const sample = histogramOf([1000, 2000, 2000, 5000, 12000])
    expect(computeMannWhitney(sample, sample)).toMatchObject({ probabilityCanarySlower: 0.5, z: 0, pValueSlower: 0.5, pValueTwoSided: 1 })
  })

  it.each([
    { name: 'an empty canary', canary: new LatencyHistogram(), baseline: histogramOf([1000, 2000]), probability: 0.5 },
    { name: 'an empty baseline', canary: histogramOf([1000]), baseline: new LatencyHistogram(), probability: 0.5 },
    { name: 'every span in one bin', canary: histogramOf([1000, 1000]), baseline: histogramOf([1000]), probability: 0.5 },
  ])('has no evidence, p = 1, with $name', ({ canary, baseline, probability }) => {
    expect(computeMannWhitney(canary, baseline)).toMatchObject({
      probabilityCanarySlower: probability,
      z: 0,
      pValueSlower: 1,
      pValueFaster: 1,
      pValueTwoSided: 1,
    })
  })

  it('keeps a tiny p-value tiny: every canary span slower than every baseline span', () => {
    const result = computeMannWhitney(
      histogramOf(Array.from({ length: 200 }, (_, i) => 5000 + i * 10)),
      histogramOf(Array.from({ length: 200 }, (_, i) => 1000 + i * 10)),
    )
    expect(result.probabilityCanarySlower).toBe(1)
    expect(result.pValueSlower).toBeGreaterThan(0)
    expect(result.pValueSlower).toBeLessThan(1e-60)
  })
})

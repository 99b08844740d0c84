import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { bucketKey, bucketValueUs } from './bucket-mapping'
import { histogramOf } from './histogram'
import { computeLatencyDistribution, findBinIndex, type LatencyDistribution } from './latency-distribution'

const sum = (counts: readonly number[]) => counts.reduce((total, count) => total + count, 0)

/** The oracle: each span counted in the bin around its bucket's representative value (strictly inside its bucket). */
const exactBinCounts = ({ bins }: LatencyDistribution, durationsUs: readonly number[]) =>
  bins.map(
    ({ lowerUs, upperUs }) =>
      durationsUs.filter((us) => us > 0 && bucketValueUs(bucketKey(us)) > lowerUs && bucketValueUs(bucketKey(us)) <= upperUs).length,
  )

function expectWellFormed(distribution: LatencyDistribution, maxBins: number) {
  const { bins, total, zeroCount } = distribution
  expect(bins.length).toBeLessThanOrEqual(maxBins)
  expect(sum(bins.map((bin) => bin.count)) + zeroCount).toBe(total)
  bins.forEach((bin, index) => {
    expect(bin.upperUs).toBeGreaterThan(bin.lowerUs)
    if (index > 0) expect(bin.lowerUs).toBe(bins[index - 1]!.upperUs)
  })
  const ratios = bins.map((bin) => bin.upperUs / bin.lowerUs)
  for (const ratio of ratios) expect(ratio).toBeCloseTo(ratios[0]!, 9)
}

describe('computeLatencyDistribution', () => {
  test.each([
    { label: 'empty histogram: no bins', durationsUs: [], maxBins: 40, binCount: 0, binCounts: [] },
    { label: 'only zero durations: no bins, counted in zeroCount', durationsUs: [0, 0, -5], maxBins: 40, binCount: 0, binCounts: [] },
    { label: 'one value: one bin around it', durationsUs: [1500], maxBins: 40, binCount: 1, binCounts: [1] },
    { label: 'repeats of one value: one bin', durationsUs: [1500, 1500, 1500], maxBins: 40, binCount: 1, binCounts: [3] },
    {
      label: 'narrow range: one bin per sketch bucket, empty ones kept',
      durationsUs: [1000, 1050],
      maxBins: 40,
      binCount: 3,
      binCounts: [1, 0, 1],
    },
    { label: 'maxBins 1: everything in one bin', durationsUs: [1, 1000, 60_000_000], maxBins: 1, binCount: 1, binCounts: [3] },
  ])('$label', ({ durationsUs, maxBins, binCount, binCounts }) => {
    const distribution = computeLatencyDistribution(histogramOf(durationsUs), { maxBins })
    expectWellFormed(distribution, maxBins)
    expect(distribution.total).toBe(durationsUs.length)
    expect(distribution.zeroCount).toBe(durationsUs.filter((us) => us <= 0).length)
    expect(distribution.bins).toHaveLength(binCount)
    expect(distribution.bins.map((bin) => bin.count)).toEqual(binCounts)
    expect(exactBinCounts(distribution, durationsUs)).toEqual(binCounts)
  })

  test('wide range 1 µs..60 s: at most maxBins bins from the fastest to the slowest span', () => {
    const durationsUs = [1, 250, 12_000, 12_500, 800_000, 60_000_000]
    const { bins, ...distribution } = computeLatencyDistribution(histogramOf(durationsUs), { maxBins: 40 })
    expectWellFormed({ bins, ...distribution }, 40)
    expect(bins.length).toBeGreaterThan(30) // ~900 sketch buckets: merged, not truncated
    expect(bins[0]!.lowerUs).toBeLessThan(1)
    expect(bins[0]!.count).toBe(1)
    expect(bins.at(-1)!.upperUs).toBeGreaterThanOrEqual(60_000_000)
    expect(bins.at(-1)!.count).toBe(1)
    expect(exactBinCounts({ bins, ...distribution }, durationsUs)).toEqual(bins.map((bin) => bin.count))
  })

  test('rejects a maxBins that is not a positive integer', () => {
    expect(() => computeLatencyDistribution(histogramOf([1]), { maxBins: 0 })).toThrow(RangeError)
    expect(() => computeLatencyDistribution(histogramOf([1]), { maxBins: 2.5 })).toThrow(RangeError)
  })

  test('every span lands in exactly one bin: counts match the oracle, in any maxBins', () => {
    const durationsUs = fc.array(
      fc.oneof(
        fc.constant(0),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 60_000_000 }),
        fc.integer({ min: 60_000_000, max: 1e12 }),
      ),
      {
        maxLength: 300,
      },
    )
    fc.assert(
      fc.property(durationsUs, fc.integer({ min: 1, max: 80 }), (values, maxBins) => {
        const distribution = computeLatencyDistribution(histogramOf(values), { maxBins })
        expectWellFormed(distribution, maxBins)
        expect(distribution.total).toBe(values.length)
        expect(exactBinCounts(distribution, values)).toEqual(distribution.bins.map((bin) => bin.count))
      }),
    )
  })
})

describe('findBinIndex', () => {
  const { bins } = computeLatencyDistribution(histogramOf([1000, 2000, 4000]), { maxBins: 4 })

  test.each([
    {
      label: 'a quantile value sits in its bin',
      valueUs: bucketValueUs(bucketKey(2000)),
      expected: bins.findIndex((bin) => bin.lowerUs < 2000 && 2000 <= bin.upperUs),
    },
    { label: 'the upper edge belongs to the bin below it', valueUs: bins[0]!.upperUs, expected: 0 },
    { label: 'the lowest edge is off the bins', valueUs: bins[0]!.lowerUs, expected: null },
    { label: 'faster than every bin', valueUs: 10, expected: null },
    { label: 'slower than every bin', valueUs: 1e9, expected: null },
  ])('$label', ({ valueUs, expected }) => expect(findBinIndex(bins, valueUs)).toBe(expected))

  test('no bins: nothing to sit on', () => expect(findBinIndex([], 1000)).toBeNull())
})

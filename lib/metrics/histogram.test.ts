import { DDSketch } from '@datadog/sketches-js'
import { LogarithmicMapping } from '@datadog/sketches-js/dist/ddsketch/mapping/LogarithmicMapping'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { MAX_RELATIVE_ERROR, bucketKey, bucketValueUs } from './bucket-mapping'
import { LatencyHistogram, decodeHistogram, histogramOf, mergeEncoded } from './histogram'

/** The oracle: the element at rank floor(q·(n − 1)) of the sorted durations. */
const exactQuantile = (durationsUs: number[], q: number) =>
  [...durationsUs].sort((a, b) => a - b)[Math.floor(q * (durationsUs.length - 1))]!
const relativeError = (approx: number | null, exact: number) =>
  approx === null ? Infinity : exact === 0 ? (approx === 0 ? 0 : Infinity) : Math.abs(approx - exact) / exact
const contents = (histogram: LatencyHistogram) => ({ count: histogram.count, zeroCount: histogram.zeroCount, buckets: histogram.buckets() })

const durationsUs = fc.array(fc.integer({ min: 1, max: 60_000_000 }), { minLength: 1 })
/** Zeros, repeats of small values, typical spans and outliers up to 1e12 µs (11.6 days). */
const mixedDurationsUs = fc.array(
  fc.oneof(
    fc.constant(0),
    fc.integer({ min: 1, max: 100 }),
    fc.integer({ min: 1, max: 60_000_000 }),
    fc.integer({ min: 60_000_000, max: 1e12 }),
  ),
  { minLength: 1, maxLength: 500 },
)
const FIXED_QUANTILES = [0, 0.5, 0.9, 0.95, 0.99, 1]

describe('quantile', () => {
  test.each(FIXED_QUANTILES)('q = %s is within MAX_RELATIVE_ERROR of the exact element', (q) => {
    fc.assert(
      fc.property(durationsUs, (values) => relativeError(histogramOf(values).quantile(q), exactQuantile(values, q)) <= MAX_RELATIVE_ERROR),
    )
    fc.assert(
      fc.property(
        mixedDurationsUs,
        (values) => relativeError(histogramOf(values).quantile(q), exactQuantile(values, q)) <= MAX_RELATIVE_ERROR,
      ),
    )
  })

  test('any q in [0, 1] is within MAX_RELATIVE_ERROR of the exact element', () => {
    fc.assert(
      fc.property(
        fc.oneof(durationsUs, mixedDurationsUs),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, q) => relativeError(histogramOf(values).quantile(q), exactQuantile(values, q)) <= MAX_RELATIVE_ERROR,
      ),
    )
  })

  test('equals DDSketch getValueAtQuantile exactly (same keys, values and rank)', () => {
    fc.assert(
      fc.property(mixedDurationsUs, fc.double({ min: 0, max: 1, noNaN: true }), (values, q) => {
        const sketch = new DDSketch({ relativeAccuracy: MAX_RELATIVE_ERROR })
        for (const value of values) sketch.accept(value)
        expect(histogramOf(values).quantile(q)).toBe(sketch.getValueAtQuantile(q))
      }),
    )
  })

  // Within a bucket the error peaks at its edges, so the smallest and largest integers of every
  // bucket decide the bound; ±2 absorbs float error in γ^key. Above ~8e12 µs it is exceeded by ~1e-15.
  test('integers at every bucket edge up to 8e12 µs are within MAX_RELATIVE_ERROR of their bucket value', () => {
    const gamma = (1 + MAX_RELATIVE_ERROR) / (1 - MAX_RELATIVE_ERROR)
    let worst = 0
    for (let key = 0; key <= bucketKey(8e12); key++) {
      for (const edge of [Math.floor(gamma ** key), Math.ceil(gamma ** key)]) {
        for (let valueUs = Math.max(1, edge - 2); valueUs <= Math.min(8e12, edge + 2); valueUs++) {
          worst = Math.max(worst, relativeError(bucketValueUs(bucketKey(valueUs)), valueUs))
        }
      }
    }
    expect(worst).toBeLessThanOrEqual(MAX_RELATIVE_ERROR)
  })

  test.each([
    { label: 'empty', valuesUs: [], expected: { 0: null, 0.5: null, 1: null } },
    {
      label: 'single value',
      valuesUs: [1234],
      expected: { 0: bucketValueUs(bucketKey(1234)), 0.5: bucketValueUs(bucketKey(1234)), 1: bucketValueUs(bucketKey(1234)) },
    },
    { label: 'all zeros', valuesUs: [0, 0, 0], expected: { 0: 0, 0.5: 0, 1: 0 } },
    { label: 'negative (clock skew) and subnormal count as 0', valuesUs: [-5, 1e-320, 0], expected: { 0: 0, 0.5: 0, 1: 0 } },
    { label: 'zeros below one value', valuesUs: [0, 0, 1000], expected: { 0: 0, 0.5: 0, 1: bucketValueUs(bucketKey(1000)) } },
    {
      label: 'one huge outlier stays out of p50 and shows at p100',
      valuesUs: [...Array<number>(999).fill(1000), 1e10],
      expected: {
        0: bucketValueUs(bucketKey(1000)),
        0.5: bucketValueUs(bucketKey(1000)),
        0.999: bucketValueUs(bucketKey(1000)),
        1: bucketValueUs(bucketKey(1e10)),
      },
    },
  ])('$label', ({ valuesUs, expected }) => {
    const histogram = histogramOf(valuesUs)
    expect(histogram.count).toBe(valuesUs.length)
    for (const [q, value] of Object.entries(expected)) expect(histogram.quantile(Number(q))).toBe(value)
  })

  test.each([
    { label: 'below 0', q: -0.01 },
    { label: 'above 1', q: 1.01 },
    { label: 'NaN', q: NaN },
    { label: 'a percentile, not a fraction', q: 99 },
  ])('q $label is rejected', ({ q }) => {
    expect(() => histogramOf([1, 2, 3]).quantile(q)).toThrow(RangeError)
    expect(() => new LatencyHistogram().quantile(q)).toThrow(RangeError)
  })
})

describe('add', () => {
  test.each([
    { label: 'NaN', valueUs: NaN, count: 1 },
    { label: 'Infinity', valueUs: Infinity, count: 1 },
    { label: '-Infinity', valueUs: -Infinity, count: 1 },
    { label: 'count 0', valueUs: 10, count: 0 },
    { label: 'fractional count', valueUs: 10, count: 1.5 },
    { label: 'count past 2^53', valueUs: 10, count: 2 ** 53 },
  ])('rejects $label and leaves the histogram unchanged', ({ valueUs, count }) => {
    const histogram = histogramOf([5])
    expect(() => histogram.add(valueUs, count)).toThrow(RangeError)
    expect(contents(histogram)).toEqual(contents(histogramOf([5])))
  })

  test('add(v, n) equals adding v n times', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), fc.integer({ min: 1, max: 50 }), (valueUs, n) => {
        const weighted = new LatencyHistogram()
        weighted.add(valueUs, n)
        expect(contents(weighted)).toEqual(contents(histogramOf(Array<number>(n).fill(valueUs))))
      }),
    )
  })
})

describe('bucket mapping', () => {
  const mapping = new LogarithmicMapping(MAX_RELATIVE_ERROR)
  test('keys and values equal sketches-js LogarithmicMapping(0.01)', () => {
    const positive = fc.oneof(fc.integer({ min: 1, max: 1e10 }), fc.double({ min: 1e-300, max: 1e300, noNaN: true }))
    fc.assert(
      fc.property(positive, (valueUs) => {
        expect(bucketKey(valueUs)).toBe(mapping.key(valueUs))
        expect(bucketValueUs(bucketKey(valueUs))).toBe(mapping.value(mapping.key(valueUs)))
      }),
      { numRuns: 10_000 },
    )
  })

  test.each([
    { label: '1 µs', valueUs: 1, key: 0 },
    { label: '1 ms', valueUs: 1_000, key: 346 },
    { label: '1 s', valueUs: 1_000_000, key: 691 },
    { label: '10 s', valueUs: 10_000_000, key: 806 },
    { label: '1e10 µs (2.8 h)', valueUs: 1e10, key: 1152 },
  ])('$label has key $key, as in sketches-js', ({ valueUs, key }) => {
    expect(bucketKey(valueUs)).toBe(key)
    expect(mapping.key(valueUs)).toBe(key)
  })
})

describe('merge', () => {
  test('merge(h(xs), h(ys)) equals h(xs ++ ys) and leaves h(ys) unchanged', () => {
    fc.assert(
      fc.property(mixedDurationsUs, mixedDurationsUs, (xs, ys) => {
        const merged = histogramOf(xs)
        const other = histogramOf(ys)
        merged.merge(other)
        expect(contents(merged)).toEqual(contents(histogramOf([...xs, ...ys])))
        expect(merged.encode()).toEqual(histogramOf([...xs, ...ys]).encode())
        expect(contents(other)).toEqual(contents(histogramOf(ys)))
      }),
    )
  })

  test('three-way merges agree in every order and grouping', () => {
    const parts = fc.tuple(
      fc.array(fc.integer({ min: 0, max: 1e10 })),
      fc.array(fc.integer({ min: 0, max: 1e10 })),
      fc.array(fc.integer({ min: 0, max: 1e10 })),
    )
    fc.assert(
      fc.property(parts, fc.constantFrom([0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]), (valuesUs, order) => {
        const [first, second, third] = order.map((i) => histogramOf(valuesUs[i]!)) as [LatencyHistogram, LatencyHistogram, LatencyHistogram]
        second.merge(third)
        first.merge(second)
        expect(contents(first)).toEqual(contents(histogramOf(valuesUs.flat())))
      }),
    )
  })

  test('merging a histogram into itself doubles every count', () => {
    const histogram = histogramOf([0, 3, 3, 7_000, 9e9])
    histogram.merge(histogram)
    expect(contents(histogram)).toEqual(contents(histogramOf([0, 3, 3, 7_000, 9e9, 0, 3, 3, 7_000, 9e9])))
  })
})

describe('encoding', () => {
  test('decode(encode(h)) equals h, and encoding is canonical', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 1e12 }), fc.double({ min: 1e-300, max: 1e300, noNaN: true }))),
        (valuesUs) => {
          const histogram = histogramOf(valuesUs)
          const bytes = histogram.encode()
          expect(contents(decodeHistogram(bytes))).toEqual(contents(histogram))
          expect(decodeHistogram(bytes).encode()).toEqual(bytes)
        },
      ),
    )
  })

  test('mergeEncoded, and mergeBytes one row at a time, equal merging the decoded histograms', () => {
    fc.assert(
      fc.property(fc.array(mixedDurationsUs, { maxLength: 20 }), (rows) => {
        const merged = mergeEncoded(rows.map((valuesUs) => histogramOf(valuesUs).encode()))
        expect(contents(merged)).toEqual(contents(histogramOf(rows.flat())))
        const oneByOne = new LatencyHistogram()
        for (const valuesUs of rows) oneByOne.mergeBytes(histogramOf(valuesUs).encode())
        expect(contents(oneByOne)).toEqual(contents(merged))
      }),
    )
  })

  test('every truncation throws', () => {
    fc.assert(
      fc.property(mixedDurationsUs, (valuesUs) => {
        const bytes = histogramOf(valuesUs).encode()
        for (let length = 0; length < bytes.length; length++) expect(() => decodeHistogram(bytes.subarray(0, length))).toThrow(/malformed/)
      }),
    )
  })

  test('arbitrary bytes either throw or are the canonical encoding of what they decode to', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let decoded: LatencyHistogram
        try {
          decoded = decodeHistogram(bytes)
        } catch (error) {
          expect((error as Error).message).toMatch(/^Encoded histogram is malformed: /)
          return
        }
        expect(decoded.encode()).toEqual(bytes)
      }),
      { numRuns: 20_000 },
    )
  })

  test.each([
    { label: 'an empty histogram is 3 bytes', valuesUs: [], bytes: [1, 0, 0] },
    { label: 'zeros are one varint', valuesUs: [0, 0], bytes: [1, 2, 0] },
    { label: 'first key zigzag, then deltas', valuesUs: [1, 1, 1000], bytes: [1, 0, 2, 0, 2, 0xda, 0x02, 1] },
    { label: 'a negative key (0.5 µs → −34) is zigzagged', valuesUs: [0.5], bytes: [1, 0, 1, 67, 1] },
  ])('$label', ({ valuesUs, bytes }) => {
    expect([...histogramOf(valuesUs).encode()]).toEqual(bytes)
  })

  test.each([
    { label: 'no bytes', bytes: [], error: /truncated/ },
    { label: 'unknown version', bytes: [2, 0, 0], error: /unknown version 2/ },
    { label: 'trailing byte', bytes: [1, 0, 0, 0], error: /1 trailing bytes/ },
    { label: 'repeated key (delta 0)', bytes: [1, 0, 2, 0, 1, 0, 1], error: /not ascending/ },
    { label: 'bucket with count 0', bytes: [1, 0, 1, 0, 0], error: /count 0/ },
    { label: 'overlong varint', bytes: [1, 0x80, 0x00, 0], error: /overlong/ },
    { label: 'varint longer than 8 bytes', bytes: [1, ...Array<number>(8).fill(0xff), 1, 0], error: /longer than 8 bytes/ },
    { label: 'zero count past 2^53', bytes: [1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0], error: /exceeds 2\^53/ },
    { label: 'key out of range', bytes: [1, 0, 1, 0x80, 0x80, 0x80, 0x01, 1], error: /outside/ },
    { label: 'more buckets claimed than bytes hold', bytes: [1, 0, 0x80, 0x80, 0x80, 0x01, 0, 1], error: /claims 2097152 buckets/ },
    {
      label: 'total count past 2^53',
      bytes: [1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f],
      error: /total count/,
    },
  ])('rejects $label', ({ bytes, error }) => {
    expect(() => decodeHistogram(Uint8Array.from(bytes))).toThrow(error)
  })

  test('mergeEncoded names the malformed row', () => {
    expect(() => mergeEncoded([histogramOf([1]).encode(), Uint8Array.from([1, 0])])).toThrow('Encoded histogram #1 is malformed: truncated')
  })
})

describe('clear', () => {
  test('empties a histogram, which then merges as a new one would', () => {
    const scratch = histogramOf([100, 2_000, 3_000_000])
    scratch.clear()
    expect(scratch.count).toBe(0)
    expect(scratch.quantile(0.5)).toBeNull()
    const other = histogramOf([0, 40, 50_000, 50_000])
    scratch.merge(other)
    expect(scratch.buckets()).toEqual(other.buckets())
    expect(scratch.zeroCount).toBe(other.zeroCount)
    expect(scratch.quantile(0.99)).toBe(other.quantile(0.99))
  })
})

import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  bandAt,
  computeBaseline,
  computeDeviation,
  QUANTILES,
  weightedMedian,
  type Band,
  type Baseline,
  type BaselineOptions,
  type LatencyPoint,
} from './baseline'
import { D0, dailyPeakUs, flatUs, latencySeries } from './testing/latency-series'
import { DAY_US, HOUR_US, MINUTE_US } from '@/lib/time/time-buckets'
import { fromMicros } from '@/lib/time/micros'

const L = 200_000 // p95 level, µs
const WEEK_END = D0 + 7 * DAY_US
const hourly = (hours: number, p95Us: (atUs: number) => number, seed = 1, count = 500) =>
  latencySeries({ startUs: D0, stepUs: HOUR_US, buckets: hours, seed, p95Us, count })
const ready = (baseline: Baseline) => {
  if (baseline.state !== 'ready') throw new Error(`expected a ready baseline, got ${JSON.stringify(baseline)}`)
  return baseline
}
const p95 = (baseline: Baseline, atUs = D0) => bandAt(baseline, 'p95', atUs)!

describe('weightedMedian', () => {
  test.each([
    ['odd count, equal weights', [1, 2, 3].map((value) => ({ value, weight: 1 })), 2],
    ['even count, equal weights: the lower middle', [4, 1, 3, 2].map((value) => ({ value, weight: 1 })), 2],
    [
      'a heavy value carries it',
      [
        { value: 1, weight: 1 },
        { value: 2, weight: 1 },
        { value: 100, weight: 10 },
      ],
      100,
    ],
    [
      'exactly half the weight below: the lower',
      [
        { value: 1, weight: 5 },
        { value: 9, weight: 5 },
      ],
      1,
    ],
    ['empty', [], NaN],
  ])('%s', (_label, samples, expected) => expect(weightedMedian(samples)).toBe(expected))

  test('equals the lower median of each value repeated `weight` times', () => {
    const samples = fc.array(fc.record({ value: fc.integer({ min: 0, max: 1e6 }), weight: fc.integer({ min: 1, max: 20 }) }), {
      minLength: 1,
      maxLength: 50,
    })
    fc.assert(
      fc.property(samples, (weighted) => {
        const expanded = weighted.flatMap(({ value, weight }) => Array<number>(weight).fill(value)).sort((a, b) => a - b)
        expect(weightedMedian(weighted)).toBe(expanded[Math.ceil(expanded.length / 2) - 1])
      }),
    )
  })
})

describe('computeBaseline: state and kind', () => {
  const fiveMinute = latencySeries({ startUs: D0, stepUs: 5 * MINUTE_US, buckets: 24 * 12, seed: 2, p95Us: flatUs(L) })
  test.each<
    [
      string,
      LatencyPoint[],
      BaselineOptions,
      Partial<Extract<Baseline, { state: 'insufficient' }>> | { state: 'ready'; kind: string; points: number },
    ]
  >([
    ['no points', [], {}, { state: 'insufficient', have: 0, need: 24 }],
    ['sparse: 10 hourly points', hourly(10, flatUs(L)), {}, { state: 'insufficient', have: 10, need: 24 }],
    ['a day of buckets with too few spans', hourly(24, flatUs(L), 1, 5), {}, { state: 'insufficient', have: 0, need: 24 }],
    [
      'a day of empty buckets (null quantiles)',
      hourly(24, flatUs(L)).map((p) => ({ ...p, count: 0, p50Us: null, p95Us: null, p99Us: null })),
      {},
      { state: 'insufficient', have: 0 },
    ],
    [
      'points before the window are left out',
      hourly(48, flatUs(L)),
      { windowEndUs: D0 + 48 * HOUR_US, windowUs: 10 * HOUR_US },
      { state: 'insufficient', have: 10 },
    ],
    ['exactly 24 usable hours', hourly(24, flatUs(L)), {}, { state: 'ready', kind: 'plain', points: 24 }],
    ['24 hours of 5-minute points', fiveMinute, {}, { state: 'ready', kind: 'plain', points: 288 }],
    ['2 days of history: plain (seasonal needs 3 days)', hourly(48, flatUs(L)), {}, { state: 'ready', kind: 'plain', points: 48 }],
    ['3 days of history: seasonal', hourly(72, flatUs(L)), {}, { state: 'ready', kind: 'seasonal', points: 72 }],
    ['a week, seasonality turned off', hourly(168, flatUs(L)), { allowSeasonal: false }, { state: 'ready', kind: 'plain', points: 168 }],
    ['a week and 2 days: only the trailing week counts', hourly(9 * 24, flatUs(L)), {}, { state: 'ready', kind: 'seasonal', points: 168 }],
  ])('%s', (_label, points, options, expected) => expect(computeBaseline(points, options)).toMatchObject(expected))

  test('insufficient says why', () => {
    expect(computeBaseline(hourly(10, flatUs(L)))).toMatchObject({
      reason: '10 of the 24 clock hours needed have a bucket of ≥ 20 spans in the last 7 d',
    })
  })

  test('rejects options that cannot make a band', () => {
    expect(() => computeBaseline([], { k: 0 })).toThrow(RangeError)
    expect(() => computeBaseline([], { minSpreadUs: 0 })).toThrow(RangeError)
    expect(() => computeBaseline([], { windowUs: NaN })).toThrow(RangeError)
  })
})

describe('computeBaseline: bands', () => {
  const constant = (valueUs: number) => hourly(48, flatUs(valueUs)).map((p) => ({ ...p, p50Us: valueUs, p95Us: valueUs, p99Us: valueUs }))
  test.each<[string, LatencyPoint[], Band, number]>([
    [
      'flat traffic, 2 % noise: the 5 % relative floor, band ±15 %',
      hourly(168, flatUs(L)),
      { centerUs: L, spreadUs: 0.05 * L, lowerUs: 0.85 * L, upperUs: 1.15 * L },
      0.01,
    ],
    [
      'identical buckets (MAD 0): 5 % of the center',
      constant(L),
      { centerUs: L, spreadUs: 0.05 * L, lowerUs: 0.85 * L, upperUs: 1.15 * L },
      1e-12,
    ],
    [
      'identical µs-scale buckets: the 100 µs floor, lower edge clamped at 0',
      constant(40),
      { centerUs: 40, spreadUs: 100, lowerUs: 0, upperUs: 340 },
      1e-12,
    ],
  ])('%s', (_label, points, expected, relativeTolerance) => {
    const band = ready(computeBaseline(points, { allowSeasonal: false })).bands.p95
    for (const field of ['centerUs', 'spreadUs', 'lowerUs', 'upperUs'] as const)
      expect(Math.abs(band[field] - expected[field])).toBeLessThanOrEqual(relativeTolerance * expected[field])
  })

  test('noisy traffic: the spread estimates σ (1.4826 · MAD)', () => {
    const points = latencySeries({ startUs: D0, stepUs: HOUR_US, buckets: 168, seed: 3, p95Us: flatUs(L), noise: 0.2 })
    expect(p95(computeBaseline(points, { allowSeasonal: false })).spreadUs / L).toBeCloseTo(0.2, 1)
  })

  test('buckets under minCount spans are ignored', () => {
    const week = hourly(168, flatUs(L))
    const fewSpans = week.map((p) => ({
      bucketStartUs: p.bucketStartUs + 30 * MINUTE_US,
      count: 2,
      p50Us: 10 * L,
      p95Us: 10 * L,
      p99Us: 10 * L,
    }))
    expect(computeBaseline([...week, ...fewSpans], { windowEndUs: WEEK_END })).toEqual(computeBaseline(week, { windowEndUs: WEEK_END }))
  })

  test('buckets weigh by span count: 68 busy hours outweigh 100 quiet ones', () => {
    const points = hourly(168, (atUs) => ((atUs - D0) / HOUR_US < 100 ? 2 * L : L)).map((p, i) => ({ ...p, count: i < 100 ? 25 : 1000 }))
    expect(p95(computeBaseline(points, { allowSeasonal: false })).centerUs).toBeCloseTo(L, -4)
  })

  test('one burst bucket cannot carry the median alone (weights capped at 4 × the median count)', () => {
    const points = hourly(48, flatUs(L), 4, 100)
    points.push({ bucketStartUs: D0 + 48 * HOUR_US, count: 1_000_000, p50Us: 5 * L, p95Us: 5 * L, p99Us: 5 * L })
    expect(p95(computeBaseline(points, { allowSeasonal: false })).centerUs).toBeCloseTo(L, -4)
  })

  test('six slow hours inside the week barely move the band', () => {
    const points = hourly(168, (atUs) => (atUs >= D0 + 100 * HOUR_US && atUs < D0 + 106 * HOUR_US ? 3 * L : L))
    const band = p95(computeBaseline(points, { allowSeasonal: false }))
    expect(band.centerUs / L).toBeCloseTo(1, 1)
    expect(band.upperUs).toBeLessThan(1.2 * L)
  })

  test('seasonal: each timestamp gets the band of its UTC hour of day', () => {
    const baseline = ready(computeBaseline(hourly(168, dailyPeakUs(L, 3 * L, 12, 14))))
    expect(baseline.kind).toBe('seasonal')
    const week8 = WEEK_END + DAY_US
    expect(p95(baseline, week8 + 13.5 * HOUR_US).centerUs).toBeCloseTo(3 * L, -4)
    expect(p95(baseline, week8 + 3 * HOUR_US).centerUs).toBeCloseTo(L, -4)
    expect(p95(baseline, D0 - 11 * HOUR_US).centerUs).toBeCloseTo(3 * L, -4) // 13:00 the day before D0
    expect(baseline.bands.p95.centerUs).toBeCloseTo(L, -4)
    expect(baseline.bands.p95.upperUs).toBeLessThan(3 * L)
  })

  test('seasonal: an hour spread is at least the relative spread pooled over all hours (its own MAD may be 0)', () => {
    const points = latencySeries({ startUs: D0, stepUs: HOUR_US, buckets: 168, seed: 6, p95Us: flatUs(L), noise: 0.2 }).map((p) =>
      fromMicros(p.bucketStartUs).getUTCHours() === 5 ? { ...p, p95Us: L } : p,
    )
    const spreadUs = p95(computeBaseline(points), D0 + 5 * HOUR_US).spreadUs
    expect(spreadUs).toBeGreaterThan(0.1 * L)
    expect(spreadUs).toBeLessThan(0.3 * L)
  })

  test('seasonal: hours with history on fewer than 3 days fall back to the plain band', () => {
    const businessHours = hourly(168, flatUs(L)).filter(
      (p) => fromMicros(p.bucketStartUs).getUTCHours() >= 9 && fromMicros(p.bucketStartUs).getUTCHours() < 17,
    )
    businessHours.push(...hourly(2 * 24, flatUs(2 * L), 5).filter((p) => fromMicros(p.bucketStartUs).getUTCHours() === 3))
    const baseline = ready(computeBaseline(businessHours))
    if (baseline.kind !== 'seasonal') throw new Error('expected seasonal')
    expect(baseline.hourlyBands.map((bands) => bands !== null)).toEqual(Array.from({ length: 24 }, (_, hour) => hour >= 9 && hour < 17))
    expect(bandAt(baseline, 'p99', D0 + 3 * HOUR_US)).toEqual(baseline.bands.p99)
  })

  test('a baseline survives JSON (pages send it to the browser)', () => {
    for (const baseline of [
      computeBaseline(hourly(168, dailyPeakUs(L, 3 * L, 12, 14))),
      computeBaseline(hourly(30, flatUs(L))),
      computeBaseline([]),
    ]) {
      expect(JSON.parse(JSON.stringify(baseline))).toEqual(baseline)
    }
  })
})

describe('computeDeviation', () => {
  const baseline = computeBaseline(hourly(168, dailyPeakUs(L, 3 * L, 12, 14)))
  const peak = bandAt(baseline, 'p95', D0 + 12 * HOUR_US)!
  const offPeak = bandAt(baseline, 'p95', D0)!
  test.each([
    ['at the center', baseline, peak.centerUs, D0 + 12 * HOUR_US, 0],
    ['two spreads above', baseline, peak.centerUs + 2 * peak.spreadUs, D0 + 12 * HOUR_US, 2],
    ['one spread below: negative', baseline, offPeak.centerUs - offPeak.spreadUs, D0, -1],
    ['the peak value off-peak: far above', baseline, peak.centerUs, D0, (peak.centerUs - offPeak.centerUs) / offPeak.spreadUs],
    ['insufficient baseline', computeBaseline([]), L, D0, null],
  ])('%s', (_label, on, valueUs, atUs, expected) => {
    const deviation = computeDeviation(on, 'p95', valueUs, atUs)
    if (expected === null) expect(deviation).toBeNull()
    else expect(deviation).toBeCloseTo(expected, 9)
  })
})

describe('computeBaseline: properties', () => {
  const durationUs = fc.integer({ min: 2000, max: 10_000_000 })
  /** Hourly points over the week, one per hour at most; values ≥ 2000 µs so the 100 µs floor never binds (5 % of ≥ 2000 µs). */
  const weekOfPoints = fc
    .uniqueArray(
      fc.record({
        hour: fc.integer({ min: 0, max: 167 }),
        count: fc.integer({ min: 0, max: 3000 }),
        p50Us: durationUs,
        p95Us: durationUs,
        p99Us: durationUs,
      }),
      { selector: (point) => point.hour, minLength: 24, maxLength: 168 },
    )
    .map((records) => records.map(({ hour, ...rest }): LatencyPoint => ({ bucketStartUs: D0 + hour * HOUR_US, ...rest })))
  const everyBand = (baseline: Baseline): Band[] =>
    baseline.state !== 'ready'
      ? []
      : [baseline.bands, ...(baseline.kind === 'seasonal' ? baseline.hourlyBands : [])].flatMap((bands) =>
          bands ? QUANTILES.map((q) => bands[q]) : [],
        )

  test('every band contains its center, its lower edge ≥ 0', () => {
    fc.assert(
      fc.property(weekOfPoints, (points) => {
        for (const band of everyBand(computeBaseline(points, { windowEndUs: WEEK_END }))) {
          expect(band.lowerUs).toBeGreaterThanOrEqual(0)
          expect(band.lowerUs).toBeLessThanOrEqual(band.centerUs)
          expect(band.upperUs).toBeGreaterThan(band.centerUs)
        }
      }),
    )
  })

  test('scaling every duration by 2^j scales every band by 2^j, exactly', () => {
    fc.assert(
      fc.property(weekOfPoints, fc.integer({ min: 0, max: 10 }), (points, j) => {
        const c = 2 ** j
        const scaled = points.map((p) => ({ ...p, p50Us: c * p.p50Us!, p95Us: c * p.p95Us!, p99Us: c * p.p99Us! }))
        const expected = everyBand(computeBaseline(points, { windowEndUs: WEEK_END })).map((band) => ({
          centerUs: c * band.centerUs,
          spreadUs: c * band.spreadUs,
          lowerUs: c * band.lowerUs,
          upperUs: c * band.upperUs,
        }))
        expect(everyBand(computeBaseline(scaled, { windowEndUs: WEEK_END }))).toEqual(expected)
      }),
    )
  })

  test('the result does not depend on the order of the points', () => {
    const shuffled = weekOfPoints.chain((points) =>
      fc.tuple(fc.constant(points), fc.shuffledSubarray(points, { minLength: points.length, maxLength: points.length })),
    )
    fc.assert(
      fc.property(shuffled, ([points, permuted]) => {
        expect(computeBaseline(permuted)).toEqual(computeBaseline(points))
      }),
    )
  })
})

import { describe, expect, test } from 'vitest'
import { histogramOf } from '@/lib/metrics/histogram'
import { computeSeries, type SeriesRow } from '@/lib/metrics/series'
import { HOUR_US, MINUTE_US } from '@/lib/time/time-buckets'
import { carrySlowSince, chooseDetectionStep, judgeLatency, type LatencyJudgement } from './judge-latency'

const NOW_US = Date.UTC(2026, 10, 24, 12, 0) * 1000

/** One minute's row: `perMinute` spans spread evenly over 0.5×…1.5× the level (p95 ≈ 1.45× level). */
function minuteRow(bucketStartUs: number, perMinute: number, levelUs: number): SeriesRow {
  const durations = Array.from({ length: perMinute }, (_, i) => Math.round(levelUs * (0.5 + (i + 0.5) / perMinute)))
  return {
    bucketStartUs,
    count: perMinute,
    errors: 0,
    estimatedCount: perMinute * 10,
    estimatedErrors: 0,
    histogram: durations.length ? histogramOf(durations).encode() : null,
  }
}

/** Minute rows over [fromUs, toUs) with the level of each minute from `levelUs`. */
function minutes(fromUs: number, toUs: number, perMinute: number, levelUs: (atUs: number) => number): SeriesRow[] {
  const rows: SeriesRow[] = []
  for (let at = fromUs; at < toUs; at += MINUTE_US) rows.push(minuteRow(at, perMinute, levelUs(at)))
  return rows
}

/** What the worker hands the judge: hourly points of the history, minute rows of the recent stretch. */
function judge(rows: SeriesRow[], judgedToUs = NOW_US) {
  const hourly = computeSeries(rows, { startUs: judgedToUs - 2 * 24 * HOUR_US, endUs: judgedToUs, stepUs: HOUR_US })
  return judgeLatency({ hourly, recent: rows.filter((row) => row.bucketStartUs >= judgedToUs - 5 * HOUR_US), judgedToUs })
}

const TWO_DAYS_AGO = NOW_US - 48 * HOUR_US
const flat = (levelUs: number) => () => levelUs
const slowFrom = (fromUs: number) => (atUs: number) => (atUs >= fromUs ? 80_000 : 10_000)

describe('judgeLatency', () => {
  const cases: [label: string, rows: SeriesRow[], expected: Partial<LatencyJudgement>][] = [
    [
      'flat traffic: ok, close to the baseline',
      minutes(TWO_DAYS_AGO, NOW_US, 20, flat(10_000)),
      { state: 'ok', slowSinceUs: null, detectionStepUs: 5 * MINUTE_US },
    ],
    [
      'slow for the last 30 min: slow since it began',
      minutes(TWO_DAYS_AGO, NOW_US, 20, slowFrom(NOW_US - 30 * MINUTE_US)),
      { state: 'slow', slowSinceUs: NOW_US - 30 * MINUTE_US },
    ],
    [
      'slow for 3 h, longer than the lookback: the hourly points carry it back to its start',
      minutes(TWO_DAYS_AGO, NOW_US, 20, slowFrom(NOW_US - 3 * HOUR_US)),
      { state: 'slow', slowSinceUs: NOW_US - 3 * HOUR_US },
    ],
    [
      'slow since mid-hour: since the start of that hour (hourly resolution)',
      minutes(TWO_DAYS_AGO, NOW_US, 20, slowFrom(NOW_US - 150 * MINUTE_US)),
      { state: 'slow', slowSinceUs: NOW_US - 3 * HOUR_US },
    ],
    [
      'slow for 10 min only: not yet sustained',
      minutes(TWO_DAYS_AGO, NOW_US, 20, slowFrom(NOW_US - 10 * MINUTE_US)),
      { state: 'ok', slowSinceUs: null },
    ],
    [
      '12 hours of history: not enough data yet',
      minutes(NOW_US - 12 * HOUR_US, NOW_US, 20, flat(10_000)),
      { state: 'insufficient_data', deviation: null },
    ],
    [
      'history, but nothing in the last hours: no recent data',
      minutes(TWO_DAYS_AGO, NOW_US - 5 * HOUR_US, 20, flat(10_000)),
      { state: 'no_recent_data', currentP95Us: null },
    ],
    [
      'a quiet operation (1 span/min) is judged on 30-minute buckets',
      minutes(TWO_DAYS_AGO, NOW_US, 1, flat(10_000)),
      { state: 'ok', detectionStepUs: 30 * MINUTE_US },
    ],
  ]
  test.each(cases)('%s', (_label, rows, expected) => {
    expect(judge(rows)).toMatchObject(expected)
  })

  test('the baseline ends where the judged stretch begins: a slow stretch does not raise its own band', () => {
    const judgement = judge(minutes(TWO_DAYS_AGO, NOW_US, 20, slowFrom(NOW_US - 40 * MINUTE_US)))
    expect(judgement.baseline.state === 'ready' && judgement.baseline.windowEndUs).toBe(NOW_US - 8 * 5 * MINUTE_US)
    expect(judgement.baseline.state === 'ready' && judgement.baseline.bands.p95.centerUs).toBeCloseTo(14_500, -3)
    expect(judgement.currentP95Us).toBeGreaterThan(100_000)
    expect(judgement.deviation).toBeGreaterThan(10)
  })
})

describe('chooseDetectionStep', () => {
  const hours = (perHour: number) =>
    Array.from({ length: 24 }, (_, i) => ({ bucketStartUs: i * HOUR_US, count: perHour, p50Us: 1, p95Us: 2, p99Us: 3 }))
  test.each([
    ['1,200 spans/h → 5 min (100 per bucket)', hours(1200), 5 * MINUTE_US],
    ['240 spans/h → 5 min (exactly 20 per bucket)', hours(240), 5 * MINUTE_US],
    ['100 spans/h → 15 min (25 per bucket)', hours(100), 15 * MINUTE_US],
    ['50 spans/h → 30 min (25 per bucket)', hours(50), 30 * MINUTE_US],
    ['5 spans/h → 30 min, the coarsest (too few to judge anyway)', hours(5), 30 * MINUTE_US],
    ['no history → 30 min', [], 30 * MINUTE_US],
  ])('%s', (_label, hourly, stepUs) => expect(chooseDetectionStep(hourly)).toBe(stepUs))
})

describe('carrySlowSince', () => {
  const slow = (slowSinceUs: number) => ({ state: 'slow', slowSinceUs }) as LatencyJudgement
  test.each([
    [
      'still slow, the streak began before the lookback: keeps the earlier start',
      { state: 'slow' as const, slowSinceUs: 100, judgedToUs: 600 },
      slow(500),
      100,
    ],
    [
      'slow again after a gap the previous judgement did not see: the new start',
      { state: 'slow' as const, slowSinceUs: 100, judgedToUs: 300 },
      slow(500),
      500,
    ],
    ['was ok: the new start', { state: 'ok' as const, slowSinceUs: null, judgedToUs: 600 }, slow(500), 500],
    ['no previous judgement: the new start', null, slow(500), 500],
    [
      'not slow now: none',
      { state: 'slow' as const, slowSinceUs: 100, judgedToUs: 600 },
      { state: 'ok', slowSinceUs: null } as LatencyJudgement,
      null,
    ],
  ])('%s', (_label, previous, next, expected) => expect(carrySlowSince(previous, next)).toBe(expected))
})

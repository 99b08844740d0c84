import { describe, expect, test } from 'vitest'
import { histogramOf, LatencyHistogram } from '@/lib/metrics/histogram'
import { computeSeries, type SeriesRow } from '@/lib/metrics/series'
import { uniformSource } from '@/lib/metrics/testing/seeded-random'
import { DAY_US, floorTo, HOUR_US, MINUTE_US } from '@/lib/time/time-buckets'
import { judgeLatency, recentStartAt, type LatencyJudgement } from './judge-latency'
import { bucketRowsStartAt, historyStartAt, SeriesHistory, type JudgementSignature } from './series-history'

const WINDOW_US = 3 * DAY_US // three days: enough for seasonal bands, little enough to judge every minute
const T0 = Date.UTC(2026, 10, 24, 9, 17) * 1000
const RUN_END = T0 + 6 * HOUR_US
const DATA_START = historyStartAt(T0, WINDOW_US) - 2 * HOUR_US

/** Spans per minute and their typical duration at a moment (0 spans: none that minute). */
type Profile = (atUs: number) => { perMinute: number; levelUs: number }
const daily = (atUs: number) => 1 + 0.3 * Math.sin((2 * Math.PI * (atUs % DAY_US)) / DAY_US)
const steady =
  (perMinute: number, levelUs: number): Profile =>
  (atUs) => ({ perMinute, levelUs: levelUs * daily(atUs) })
const during =
  (fromUs: number, toUs: number, inside: Profile, outside: Profile): Profile =>
  (atUs) =>
    atUs >= fromUs && atUs < toUs ? inside(atUs) : outside(atUs)
const silent: Profile = () => ({ perMinute: 0, levelUs: 0 })
const slower =
  (profile: Profile, factor: number): Profile =>
  (atUs) => ({ ...profile(atUs), levelUs: profile(atUs).levelUs * factor })

const PROFILES: Record<string, Profile> = {
  'busy: 5-minute steps': steady(6, 8_000),
  'medium: 15-minute steps': steady(1.8, 20_000),
  'quiet: 30-minute steps, the recent rows cut into the first bucket': steady(0.9, 40_000),
  'busy, slow for 40 minutes then back': during(T0 + 60 * MINUTE_US, T0 + 100 * MINUTE_US, slower(steady(6, 8_000), 4), steady(6, 8_000)),
  'quiet, slow from the second hour on (its streak outlasts the lookback)': during(
    T0 + 70 * MINUTE_US,
    Infinity,
    slower(steady(0.9, 40_000), 5),
    steady(0.9, 40_000),
  ),
  'stops half an hour in: no recent data': during(-Infinity, T0 + 30 * MINUTE_US, steady(1.8, 20_000), silent),
  'starts 20 minutes in: not enough data yet': during(T0 + 20 * MINUTE_US, Infinity, steady(3, 5_000), silent),
  'ended three days ago: leaves the history during the run': during(-Infinity, DATA_START + 3 * HOUR_US, steady(2, 9_000), silent),
  'traffic grows: the step moves from 30 to 15 minutes': during(T0 - 34 * HOUR_US, Infinity, steady(2.2, 15_000), steady(0.9, 15_000)),
  'bursty: some minutes empty, some busy': (atUs) => ({ perMinute: (atUs / MINUTE_US) % 7 < 3 ? 0 : 4, levelUs: 12_000 * daily(atUs) }),
}

/** Minute rows of a profile over [DATA_START, RUN_END), durations spread around the level. */
function minuteRows(profile: Profile, seed: number): SeriesRow[] {
  const random = uniformSource(seed)
  const rows: SeriesRow[] = []
  for (let at = DATA_START; at < RUN_END; at += MINUTE_US) {
    const { perMinute, levelUs } = profile(at)
    const count = Math.floor(perMinute) + (random() < perMinute % 1 ? 1 : 0)
    if (count === 0) continue
    const durations = Array.from({ length: count }, () => Math.round(levelUs * Math.exp(0.5 * (random() + random() - 1))))
    rows.push({
      bucketStartUs: at,
      count,
      errors: 0,
      estimatedCount: count,
      estimatedErrors: 0,
      histogram: histogramOf(durations).encode(),
    })
  }
  return rows
}

/** Hour rows of every whole hour, as compaction builds them. */
function hourRows(minutes: readonly SeriesRow[]): Map<number, SeriesRow> {
  const byHour = new Map<number, SeriesRow[]>()
  for (const row of minutes)
    byHour.set(floorTo(row.bucketStartUs, HOUR_US), [...(byHour.get(floorTo(row.bucketStartUs, HOUR_US)) ?? []), row])
  return new Map(
    [...byHour].map(([hourUs, rows]) => {
      const count = rows.reduce((sum, row) => sum + row.count, 0)
      return [
        hourUs,
        {
          bucketStartUs: hourUs,
          count,
          errors: 0,
          estimatedCount: count,
          estimatedErrors: 0,
          histogram: LatencyHistogram.mergeEncoded(rows.map((row) => row.histogram!)).encode(),
        },
      ]
    }),
  )
}

/** The rows a full judgement reads at judgedTo: hours where compacted (all but the last hour), minutes after. */
function historyRows(minutes: readonly SeriesRow[], hours: Map<number, SeriesRow>, judgedToUs: number): SeriesRow[] {
  const compactedToUs = floorTo(judgedToUs, HOUR_US) - HOUR_US
  const startUs = historyStartAt(judgedToUs, WINDOW_US)
  return [
    ...[...hours.values()].filter((row) => row.bucketStartUs >= startUs && row.bucketStartUs < compactedToUs),
    ...minutes.filter((row) => row.bucketStartUs >= compactedToUs && row.bucketStartUs < judgedToUs),
  ]
}

const between = (rows: readonly SeriesRow[], fromUs: number, toUs: number) =>
  rows.filter((row) => row.bucketStartUs >= fromUs && row.bucketStartUs < toUs)

/** Today's full judgement of one series at judgedTo; null when it has no rows in the history (no verdict). */
function judgeInFull(minutes: readonly SeriesRow[], hours: Map<number, SeriesRow>, judgedToUs: number): LatencyJudgement | null {
  const rows = historyRows(minutes, hours, judgedToUs)
  if (rows.length === 0) return null
  const startUs = historyStartAt(judgedToUs, WINDOW_US)
  const hourly = computeSeries(rows, { startUs, endUs: floorTo(judgedToUs, HOUR_US) + HOUR_US, stepUs: HOUR_US })
  return judgeLatency({ hourly, recent: between(minutes, recentStartAt(judgedToUs), judgedToUs), judgedToUs }, { windowUs: WINDOW_US })
}

/** Minutes between passes: mostly one, sometimes a catch-up. */
function passTimes(): number[] {
  const random = uniformSource(11)
  const times: number[] = []
  for (let at = T0; at < RUN_END;) {
    const jump = random()
    at += (jump < 0.85 ? 1 : jump < 0.9 ? 2 : jump < 0.95 ? 7 : jump < 0.98 ? 31 : 61) * MINUTE_US
    times.push(at)
  }
  return times
}

describe('SeriesHistory', () => {
  const times = passTimes()

  test.each(Object.entries(PROFILES).map(([label, profile], index) => [label, profile, index] as const))(
    'judges as a full judgement does, pass after pass, and keeps its verdict only when nothing it reads changed: %s',
    (_label, profile, index) => {
      const minutes = minuteRows(profile, 100 + index)
      const hours = hourRows(minutes)
      const history = SeriesHistory.build({
        historyRows: historyRows(minutes, hours, T0),
        recentRows: between(minutes, bucketRowsStartAt(T0), T0),
        judgedToUs: T0,
        windowUs: WINDOW_US,
      })
      const states = new Set<string>()
      const steps = new Set<number>()
      let kept = 0
      let prepared = 0
      let last: { signature: JudgementSignature; judgement: LatencyJudgement } | null = null
      let previousUs = T0
      for (const judgedToUs of [T0, ...times]) {
        if (judgedToUs > previousUs) history.advance(between(minutes, previousUs, judgedToUs), judgedToUs)
        previousUs = judgedToUs
        if (history.needsBucketRows) history.rebuildBuckets(between(minutes, bucketRowsStartAt(judgedToUs), judgedToUs))
        // As the worker does, a pass may compute the next hour's baseline ahead: the verdicts must not change.
        if (history.prepareNextBaseline()) prepared++
        const expected = judgeInFull(minutes, hours, judgedToUs)
        expect(history.hasSpans, `has a verdict at ${new Date(judgedToUs / 1000).toISOString()}`).toBe(expected !== null)
        if (!expected) continue
        const signature = history.signature()
        if (last && JSON.stringify(last.signature) === JSON.stringify(signature)) {
          kept++
          expect(last.judgement, `kept at ${new Date(judgedToUs / 1000).toISOString()}`).toEqual(expected)
          continue
        }
        const judgement = history.judge()
        expect(judgement, `judged at ${new Date(judgedToUs / 1000).toISOString()}`).toEqual(expected)
        last = { signature, judgement }
        states.add(judgement.state)
        steps.add(judgement.detectionStepUs / MINUTE_US)
      }
      // What each profile is there to exercise.
      const label = _label
      if (label.startsWith('busy: ')) expect([...steps]).toEqual([5])
      if (label.startsWith('medium')) expect([...steps]).toEqual([15])
      if (label.startsWith('quiet: ')) expect([...steps]).toEqual([30])
      if (label.startsWith('quiet: ') || label.startsWith('medium')) expect(prepared).toBeGreaterThan(0)
      if (label.startsWith('stops') || label.startsWith('bursty')) expect(kept).toBeGreaterThan(10)
      if (label.includes('slow')) expect(states).toContain('slow')
      if (label.startsWith('stops')) expect(states).toContain('no_recent_data')
      if (label.startsWith('starts')) expect(states).toContain('insufficient_data')
      if (label.startsWith('traffic grows')) expect([...steps].sort()).toEqual([15, 30])
    },
    60_000,
  )
})

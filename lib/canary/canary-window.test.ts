import { describe, expect, it } from 'vitest'
import { histogramOf } from '@/lib/metrics/histogram'
import { canaryChartStepMinutes, canarySteps, canaryWindow, type VersionBucket } from './canary-window'

const M = 60_000
const row = (minute: number, version: string, requests: number, errors = 0, durationUs = 1000): VersionBucket => ({
  bucketMs: minute * M,
  widthMs: M,
  version,
  requests,
  errors,
  histogram: requests ? histogramOf(Array.from({ length: requests }, () => durationUs)).encode() : null,
})

describe('canaryWindow', () => {
  it('judges the stretch both versions ran, counting the minutes a quiet canary served nothing', () => {
    const rows = [
      row(0, 'old', 5),
      row(1, 'old', 5),
      row(1, 'new', 1),
      row(2, 'old', 5),
      row(3, 'old', 4),
      row(3, 'new', 2),
      row(4, 'old', 5),
    ]
    const window = canaryWindow(rows, { canary: 'new', baseline: 'old' })
    expect(window).toMatchObject({ fromMs: 1 * M, toMs: 3 * M, minutes: 3 })
    expect([window.canary.requests, window.baseline.requests]).toEqual([3, 14]) // minutes 1–3: the baseline's minute 2 counts too
    expect(window.canary.histogram.count).toBe(3)
  })

  it('keeps the last judgedMinutes of the stretch', () => {
    const rows = Array.from({ length: 10 }, (_, minute) => [row(minute, 'old', 2), row(minute, 'new', 1)]).flat()
    expect(canaryWindow(rows, { canary: 'new', baseline: 'old', judgedMinutes: 4 })).toMatchObject({
      fromMs: 6 * M,
      toMs: 9 * M,
      minutes: 4,
    })
  })

  it('versions that never ran in the same minute: nothing to judge', () => {
    const window = canaryWindow([row(0, 'old', 5), row(1, 'new', 5)], { canary: 'new', baseline: 'old' })
    expect(window).toMatchObject({ fromMs: null, minutes: 0 })
    expect(window.canary.requests).toBe(0)
  })

  it('minute by minute, a minute without the canary shows it empty', () => {
    const minutes = canarySteps([row(0, 'old', 5), row(0, 'new', 1), row(1, 'old', 5), row(2, 'new', 1, 1), row(2, 'old', 3)], 'new', 'old')
    expect(minutes.map((minute) => [minute.canary.requests, minute.baseline.requests])).toEqual([
      [1, 5],
      [0, 5],
      [1, 3],
    ])
  })

  it('in steps of several minutes: requests and errors summed, the p95 of the merged histograms (not a mean of minutes)', () => {
    const rows = [
      row(0, 'old', 4, 0, 1000),
      row(0, 'new', 10, 1, 1000),
      row(1, 'new', 10, 2, 9000),
      row(1, 'old', 4, 0, 1000),
      row(2, 'old', 4, 0, 1000),
      row(4, 'new', 1, 0, 2000),
      row(4, 'old', 4, 0, 1000),
    ]
    const steps = canarySteps(rows, 'new', 'old', 2)
    expect(steps.map((step) => [step.bucketMs / M, step.canary.requests, step.canary.errors, step.baseline.requests])).toEqual([
      [0, 20, 3, 8],
      [2, 0, 0, 4],
      [4, 1, 0, 4],
    ])
    expect(steps[0]!.canary.p95Us).toBeGreaterThan(8500) // half its requests took 9 ms: the step's p95 is theirs
    expect(steps[1]!.canary.p95Us).toBeNull()
  })
})

describe('past the retention of minutes, by the hour', () => {
  const H = 60 * M
  const hour = (index: number, version: string, requests: number, errors = 0): VersionBucket => ({
    ...row(0, version, requests, errors),
    bucketMs: index * H,
    widthMs: H,
  })

  it('judges the last four hours of hour rows: four whole hours, 240 minutes, ending where the last hour ends', () => {
    const rows = Array.from({ length: 6 }, (_, index) => [hour(index, 'old', 100), hour(index, 'new', 10 * (index + 1))]).flat()
    const window = canaryWindow(rows, { canary: 'new', baseline: 'old' })
    expect(window).toMatchObject({ fromMs: 2 * H, toMs: 5 * H, endMs: 6 * H, minutes: 240 })
    expect([window.canary.requests, window.baseline.requests]).toEqual([30 + 40 + 50 + 60, 400])
  })

  it('hours, then the minutes still kept: one stretch, nothing counted twice', () => {
    const rows = [
      hour(0, 'old', 100),
      hour(0, 'new', 10),
      hour(1, 'old', 100),
      hour(1, 'new', 10),
      row(120, 'old', 5),
      row(120, 'new', 1),
      row(121, 'old', 5),
      row(121, 'new', 1),
    ]
    const window = canaryWindow(rows, { canary: 'new', baseline: 'old' })
    expect(window).toMatchObject({ fromMs: 0, toMs: 121 * M, endMs: 122 * M, minutes: 122 })
    expect([window.canary.requests, window.baseline.requests]).toEqual([22, 210])
  })

  it('drawn in steps no finer than an hour', () => {
    const rows = [hour(0, 'old', 100), hour(0, 'new', 10), hour(2, 'old', 100), hour(2, 'new', 5)]
    const step = canaryChartStepMinutes(180, rows)
    expect(step).toBe(60)
    expect(canarySteps(rows, 'new', 'old', step).map((each) => [each.bucketMs / H, each.canary.requests, each.baseline.requests])).toEqual([
      [0, 10, 100],
      [1, 0, 0],
      [2, 5, 100],
    ])
  })
})

describe('canaryChartStepMinutes', () => {
  it.each([
    ['a short canary, minute by minute', 45, 1],
    ['an hour', 60, 1],
    ['two hours: 2-minute steps', 120, 2],
    ['four hours: 5-minute steps', 240, 5],
    ['the six hours drawn at most: 10-minute steps', 360, 10],
    ['two days', 2880, 60],
  ])('%s', (_label, minutes, step) => {
    expect(canaryChartStepMinutes(minutes)).toBe(step)
    expect(Math.ceil(minutes / step)).toBeLessThanOrEqual(60)
  })
})

// What a rule would have done over history: evaluateAlerts replayed once per step on each matched
// series' samples, read back as pending and firing intervals, and which recorded incidents those
// firings would have warned of. Pure.
//
//   minute    0  1  2  3  4  5  6  7       for 2m, keep_firing_for 0, 1-minute steps, last step at 7m
//   holds     1  1  1  1  0  0  1  1
//   pending   [-----)           [-----)    [0m, 2m) and [6m, 8m): open at the last step, so closed at 7m + 1m
//   firing          [-----)                [2m, 4m): fired once, for 2 minutes
import { evaluateAlerts } from './alert-state'
import { fingerprintOf } from './fingerprint'
import type { Alert, Labels } from './schemas'

/** A series' value at one evaluation (epoch ms) and whether the rule's condition held; null value: no data. */
export type BacktestSample = { at: number; value: number | null; holds: boolean }
export type BacktestSeries = { labels: Labels; samples: readonly BacktestSample[] }
export type BacktestOptions = { forSeconds: number; keepFiringForSeconds: number; stepSeconds: number }

/** Half-open, epoch ms: [startMs, endMs). */
export type Interval = { startMs: number; endMs: number }

export type SeriesBacktest = {
  labels: Labels
  fingerprint: string
  pending: Interval[]
  firing: Interval[]
  /** Times the series went to firing: one per firing interval. */
  firedCount: number
  firingMinutes: number
}

export type Backtest = {
  series: SeriesBacktest[]
  firedCount: number
  firingMinutes: number
  /** Series that fired at least once. */
  firingSeries: number
  /** The last evaluation, epoch ms; null without samples. */
  lastStepMs: number | null
}

const MINUTE_MS = 60_000

/**
 * Evaluates each series at its samples' times and, where samples are more than a step apart, at the
 * steps between them and after its last sample up to the last step of all series, as evaluations where
 * the condition does not hold (a series without data is absent from a rule's result). Samples must be in
 * increasing time order. Series are independent, as alerts are per label set.
 */
export function computeBacktest(series: readonly BacktestSeries[], options: BacktestOptions): Backtest {
  const lastStepMs = lastSampleMs(series)
  const results = lastStepMs === null ? [] : series.map((one) => computeSeriesBacktest(one, lastStepMs, options))
  return {
    series: results,
    firedCount: results.reduce((sum, one) => sum + one.firedCount, 0),
    firingMinutes: results.reduce((sum, one) => sum + one.firingMinutes, 0),
    firingSeries: results.filter((one) => one.firedCount > 0).length,
    lastStepMs,
  }
}

function lastSampleMs(series: readonly BacktestSeries[]): number | null {
  let lastMs: number | null = null
  for (const { samples } of series) {
    const atMs = samples.at(-1)?.at
    if (atMs !== undefined) lastMs = Math.max(lastMs ?? atMs, atMs)
  }
  return lastMs
}

function computeSeriesBacktest(
  { labels, samples }: BacktestSeries,
  lastStepMs: number,
  { forSeconds, keepFiringForSeconds, stepSeconds }: BacktestOptions,
): SeriesBacktest {
  const stepMs = stepSeconds * 1000
  if (!(stepMs > 0)) throw new RangeError(`expected a step above 0 seconds, got ${stepSeconds}`)
  const fingerprint = fingerprintOf(labels)
  const pending: Interval[] = []
  const firing: Interval[] = []
  let alerts: ReadonlyMap<string, Alert> = new Map()
  let alert: Alert | undefined
  let pendingSinceMs: number | null = null
  let firingSinceMs: number | null = null

  // Steps that cannot change an interval are not evaluated (backtest.test.ts checks this against a replay
  // of every step): the condition does not hold and no alert is pending or firing (a resolved alert could
  // only be dropped, and holding again replaces it anyway); or it holds and the alert is firing with no
  // keep_firing_for under way (only its value would change).
  const skips = (holds: boolean) =>
    holds ? alert?.state === 'firing' && alert.keepFiringSince === null : alert?.state !== 'pending' && alert?.state !== 'firing'
  const evaluate = (at: number, sample: BacktestSample | null) => {
    const active = sample?.holds ? [{ labels, annotations: {}, value: sample.value ?? Number.NaN }] : []
    const evaluation = evaluateAlerts(alerts, active, { at, forSeconds, keepFiringForSeconds })
    alerts = evaluation.alerts
    alert = alerts.get(fingerprint)
    for (const { from, to } of evaluation.transitions) {
      if (from === 'pending' && pendingSinceMs !== null) pending.push({ startMs: pendingSinceMs, endMs: at })
      if (from === 'pending') pendingSinceMs = null
      if (from === 'firing' && firingSinceMs !== null) firing.push({ startMs: firingSinceMs, endMs: at })
      if (from === 'firing') firingSinceMs = null
      if (to === 'pending') pendingSinceMs = at
      if (to === 'firing') firingSinceMs = at
    }
  }

  let previousMs: number | null = null
  for (const sample of samples) {
    if (previousMs !== null && !(sample.at > previousMs))
      throw new RangeError(`samples must be in increasing time order: ${sample.at} after ${previousMs}`)
    for (let at = (previousMs ?? sample.at) + stepMs; at < sample.at && !skips(false); at += stepMs) evaluate(at, null)
    if (!skips(sample.holds)) evaluate(sample.at, sample)
    previousMs = sample.at
  }
  if (previousMs !== null) for (let at = previousMs + stepMs; at <= lastStepMs && !skips(false); at += stepMs) evaluate(at, null)

  const endMs = lastStepMs + stepMs
  if (pendingSinceMs !== null) pending.push({ startMs: pendingSinceMs, endMs })
  if (firingSinceMs !== null) firing.push({ startMs: firingSinceMs, endMs })
  return {
    labels,
    fingerprint,
    pending,
    firing,
    firedCount: firing.length,
    firingMinutes: firing.reduce((sum, { startMs, endMs }) => sum + (endMs - startMs) / MINUTE_MS, 0),
  }
}

export type BacktestIncident = { id: string; startedAt: number; services: readonly string[] }
export type IncidentCatch = { id: string; startedAt: number; caught: boolean; leadMinutes: number | null }

/**
 * For each incident of `service`: caught when a firing interval started at or before the incident's
 * start, either at most `lookbackMinutes` before it or still firing at it; the lead is the incident's
 * start minus the earliest such firing start, in minutes.
 */
export function incidentsCaught(
  firingIntervals: readonly Interval[],
  incidents: readonly BacktestIncident[],
  service: string,
  { lookbackMinutes = 60 }: { lookbackMinutes?: number } = {},
): IncidentCatch[] {
  const lookbackMs = lookbackMinutes * MINUTE_MS
  return incidents
    .filter((incident) => incident.services.includes(service))
    .map(({ id, startedAt }) => {
      const warnings = firingIntervals.filter(
        ({ startMs, endMs }) => startMs <= startedAt && (startedAt - startMs <= lookbackMs || endMs > startedAt),
      )
      if (!warnings.length) return { id, startedAt, caught: false, leadMinutes: null }
      const firstStartMs = Math.min(...warnings.map(({ startMs }) => startMs))
      return { id, startedAt, caught: true, leadMinutes: (startedAt - firstStartMs) / MINUTE_MS }
    })
}

// What a rule's alerts actually did: their recorded transitions (alert_events) read back as the intervals
// each alert was pending and firing within a range, for the state strip over the backtest's chart. Pure.
//
//   transitions  new→pending   pending→firing              firing→inactive   inactive→pending
//                ^ t0          ^ t1                         ^ t2              ^ t3
//   range                 |---------------------------------------------------------------|
//   pending               [----)                                              [-----------)  clipped at fromMs; still open: to toMs
//   firing                     [---------------------------)                                  until firing→inactive (or →deleted)
import type { AlertEventRow } from './alerts-repository'
import type { Interval } from './backtest'
import type { Labels } from './schemas'

export type RecordedTransition = Pick<AlertEventRow, 'fingerprint' | 'labels' | 'from' | 'to' | 'at'>

/** Epoch ms, [fromMs, toMs]. */
export type TimeRange = { fromMs: number; toMs: number }

/** One alert's recorded pending and firing intervals (half-open, epoch ms, in time order) within a range. */
export type AlertStateIntervals = {
  fingerprint: string
  /** As its latest transition recorded them. */
  labels: Labels
  pending: Interval[]
  firing: Interval[]
}

type OpenState = 'pending' | 'firing'
const isOpen = (state: string): state is OpenState => state === 'pending' || state === 'firing'

/**
 * Per alert fingerprint, the intervals it was pending and firing within `range`, from its transitions in
 * any order. Before its first transition an alert was in that transition's `from` state, since before the
 * range as far as the events tell (history older than the events read is clipped, not lost); after its
 * last, in its `to` state, up to `toMs`. Alerts with no time pending or firing in the range are left out.
 * Most firing time first, then most pending, then by fingerprint.
 */
export function computeStateIntervals(transitions: readonly RecordedTransition[], { fromMs, toMs }: TimeRange): AlertStateIntervals[] {
  if (!(toMs >= fromMs)) throw new RangeError(`expected fromMs ≤ toMs, got [${fromMs}, ${toMs}]`)
  const byAlert = new Map<string, RecordedTransition[]>()
  for (const transition of transitions) {
    const ofAlert = byAlert.get(transition.fingerprint)
    if (ofAlert) ofAlert.push(transition)
    else byAlert.set(transition.fingerprint, [transition])
  }
  const alerts: AlertStateIntervals[] = []
  for (const [fingerprint, ofAlert] of byAlert) {
    // The evaluator records at most one transition per alert per evaluation (alert-state.ts): time orders them.
    const ordered = ofAlert.toSorted((a, b) => a.at - b.at)
    const intervals: Record<OpenState, Interval[]> = { pending: [], firing: [] }
    const close = (state: string, startMs: number, endMs: number) => {
      const clipped = { startMs: Math.max(startMs, fromMs), endMs: Math.min(endMs, toMs) }
      if (isOpen(state) && clipped.endMs > clipped.startMs) intervals[state].push(clipped)
    }
    let state = ordered[0]!.from
    let sinceMs = -Infinity
    for (const transition of ordered) {
      close(state, sinceMs, transition.at)
      state = transition.to
      sinceMs = transition.at
    }
    close(state, sinceMs, Infinity)
    if (intervals.pending.length || intervals.firing.length) alerts.push({ fingerprint, labels: ordered.at(-1)!.labels, ...intervals })
  }
  return alerts.sort((a, b) => byTimeInState(a, b) || a.fingerprint.localeCompare(b.fingerprint))
}

/**
 * A series' identity within its rule: the labels its selector matched (service, operation, span kind), not
 * the rule's own (alertname, severity, labels), which an edit changes along with the alert's fingerprint.
 */
export const seriesKeyOf = (labels: Labels) => [labels.service ?? '', labels.operation ?? '', labels.span_kind ?? ''].join('\u0000')

/** One series' recorded intervals: its alerts' together (before and after an edit of the rule), overlaps merged. */
export type SeriesStateIntervals = { seriesKey: string; labels: Labels; pending: Interval[]; firing: Interval[]; firingMs: number }

export type RecordedStateMatch = {
  /** One per charted series, in their order; no intervals where nothing was recorded for it. */
  charted: SeriesStateIntervals[]
  /** Series with recorded intervals in the range that are not charted: most firing time first. */
  others: SeriesStateIntervals[]
  /** Firing intervals, over all series. */
  firedCount: number
  /** Series with a firing interval in the range. */
  firingSeries: number
}

/**
 * The recorded intervals (computeStateIntervals, over any longer range) within `range`, per series, lined up
 * with the series a chart shows: the backtest's, matched by seriesKeyOf.
 */
export function matchRecordedStates(
  charted: readonly { labels: Labels }[],
  alerts: readonly AlertStateIntervals[],
  { fromMs, toMs }: TimeRange,
): RecordedStateMatch {
  const clip = (intervals: readonly Interval[]) =>
    intervals.flatMap(({ startMs, endMs }) => {
      const clipped = { startMs: Math.max(startMs, fromMs), endMs: Math.min(endMs, toMs) }
      return clipped.endMs > clipped.startMs ? [clipped] : []
    })
  const intervalsBySeries = new Map<string, { labels: Labels; pending: Interval[]; firing: Interval[] }>()
  for (const alert of alerts) {
    const pending = clip(alert.pending)
    const firing = clip(alert.firing)
    if (!pending.length && !firing.length) continue
    const seriesKey = seriesKeyOf(alert.labels)
    const before = intervalsBySeries.get(seriesKey)
    intervalsBySeries.set(
      seriesKey,
      before
        ? {
            labels: before.labels,
            pending: mergeIntervals([...before.pending, ...pending]),
            firing: mergeIntervals([...before.firing, ...firing]),
          }
        : { labels: alert.labels, pending, firing },
    )
  }
  const bySeries = new Map(
    [...intervalsBySeries].map(([seriesKey, series]): [string, SeriesStateIntervals] => [
      seriesKey,
      { seriesKey, ...series, firingMs: totalMs(series.firing) },
    ]),
  )
  const all = [...bySeries.values()]
  const chartedKeys = charted.map(({ labels }) => seriesKeyOf(labels))
  return {
    charted: charted.map(
      ({ labels }, index) =>
        bySeries.get(chartedKeys[index]!) ?? { seriesKey: chartedKeys[index]!, labels, pending: [], firing: [], firingMs: 0 },
    ),
    others: all
      .filter((series) => !chartedKeys.includes(series.seriesKey))
      .sort((a, b) => byTimeInState(a, b) || a.seriesKey.localeCompare(b.seriesKey)),
    firedCount: all.reduce((sum, series) => sum + series.firing.length, 0),
    firingSeries: all.filter((series) => series.firing.length > 0).length,
  }
}

const totalMs = (intervals: readonly Interval[]) => intervals.reduce((sum, { startMs, endMs }) => sum + endMs - startMs, 0)
const byTimeInState = (a: { pending: Interval[]; firing: Interval[] }, b: { pending: Interval[]; firing: Interval[] }) =>
  totalMs(b.firing) - totalMs(a.firing) || totalMs(b.pending) - totalMs(a.pending)

/** In time order, overlapping or touching intervals joined: [0, 2) and [2, 3) are [0, 3). */
function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const merged: Interval[] = []
  for (const { startMs, endMs } of intervals.toSorted((a, b) => a.startMs - b.startMs)) {
    const last = merged.at(-1)
    if (last && startMs <= last.endMs) last.endMs = Math.max(last.endMs, endMs)
    else merged.push({ startMs, endMs })
  }
  return merged
}

// Which time windows a service's sync should fetch next. Pure.
//
//   watermark                          now − settle
//   |----w1----|----w2----|----w3--|   |
//   everything before the watermark is committed; windows are minute-aligned, so every minute of
//   every rollup belongs to exactly one window and is written exactly once.

import { MINUTE_US, minuteOf } from '@/lib/time/time-buckets'

export type SyncWindow = { startUs: number; endUs: number }

export type WindowPlan = {
  watermarkUs: number
  nowUs: number
  /** Late spans get this long to arrive before their window is fetched (default 2 min). */
  settleUs: number
  /** Window length; a whole number of minutes. */
  windowUs: number
  maxWindows: number
  /** Stop here even if now − settle is later (the backfill stops where the live range begins). */
  untilUs?: number
}

export function planWindows({ watermarkUs, nowUs, settleUs, windowUs, maxWindows, untilUs = Infinity }: WindowPlan): SyncWindow[] {
  if (watermarkUs % MINUTE_US !== 0) throw new Error(`watermark ${watermarkUs} is not minute-aligned`)
  if (windowUs < MINUTE_US || windowUs % MINUTE_US !== 0) throw new Error(`window length ${windowUs} µs is not a whole number of minutes`)
  const horizonUs = Math.min(minuteOf(nowUs - settleUs), untilUs)
  const windows: SyncWindow[] = []
  for (let startUs = watermarkUs; startUs < horizonUs && windows.length < maxWindows; startUs += windowUs) {
    windows.push({ startUs, endUs: Math.min(startUs + windowUs, horizonUs) })
  }
  return windows
}

/**
 * Halves a window whose search came back full (Jaeger has no pagination: `limit` traces back means
 * there may be more). Halves are cut on whole seconds; null when the window is at the floor.
 */
export function splitWindow({ startUs, endUs }: SyncWindow, floorUs: number): [SyncWindow, SyncWindow] | null {
  if (endUs - startUs <= floorUs) return null
  const middleUs = startUs + Math.max(1_000_000, Math.floor((endUs - startUs) / 2 / 1_000_000) * 1_000_000)
  if (middleUs >= endUs) return null
  return [
    { startUs, endUs: middleUs },
    { startUs: middleUs, endUs },
  ]
}

// How far the sync has come: per service from its backfill start to the settle horizon. Pure.
import { toMicros } from '@/lib/time/micros'

export type SyncPosition = { serviceName: string; watermark: Date; backfillFrom: Date; liveFrom?: Date | null; liveWatermark?: Date | null }

/** The committed ranges of a service, in µs: history, and the live range while history backfills below it. */
export function committedRanges(state: SyncPosition): { startUs: number; endUs: number }[] {
  const ranges = [{ startUs: toMicros(state.backfillFrom), endUs: toMicros(state.watermark) }]
  if (state.liveFrom && state.liveWatermark) ranges.push({ startUs: toMicros(state.liveFrom), endUs: toMicros(state.liveWatermark) })
  return ranges.filter((range) => range.endUs > range.startUs)
}

/** Where the service's data is current up to: the live cursor while there is one. */
export const currentWatermark = (state: SyncPosition): Date => state.liveWatermark ?? state.watermark

export type SyncProgress = {
  services: number
  caughtUp: number
  /** 0..1 over all services' backfill ranges. */
  done: number
  /** The most-behind service's lag (µs). */
  maxLagUs: number
}

/** A service counts as caught up when its current data is within one window of the settle horizon (history may still be filling). */
export function computeSyncProgress(
  states: readonly SyncPosition[],
  { nowUs, settleUs, windowUs }: { nowUs: number; settleUs: number; windowUs: number },
): SyncProgress {
  const horizonUs = nowUs - settleUs
  let total = 0
  let covered = 0
  let caughtUp = 0
  let maxLagUs = 0
  for (const state of states) {
    total += Math.max(0, horizonUs - toMicros(state.backfillFrom))
    for (const range of committedRanges(state)) covered += Math.max(0, Math.min(range.endUs, horizonUs) - range.startUs)
    const lagUs = Math.max(0, horizonUs - toMicros(currentWatermark(state)))
    if (lagUs <= windowUs) caughtUp++
    maxLagUs = Math.max(maxLagUs, lagUs)
  }
  return { services: states.length, caughtUp, done: total > 0 ? covered / total : 1, maxLagUs }
}

/** Remaining time at the rate between two observations; null until there is a rate. */
export function estimateRemainingMs(before: { done: number; atMs: number }, after: { done: number; atMs: number }): number | null {
  const rate = (after.done - before.done) / (after.atMs - before.atMs)
  if (!(rate > 0)) return null
  return (1 - after.done) / rate
}

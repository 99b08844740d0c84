// How far the sync has come: per service from its backfill start to the settle horizon. Pure.

export type SyncPosition = { serviceName: string; watermark: Date; backfillFrom: Date }

export type SyncProgress = {
  services: number
  caughtUp: number
  /** 0..1 over all services' backfill ranges. */
  done: number
  /** The most-behind service's lag (µs). */
  maxLagUs: number
}

/** A service counts as caught up when its watermark is within one window of the settle horizon. */
export function computeSyncProgress(states: readonly SyncPosition[], { nowUs, settleUs, windowUs }: { nowUs: number; settleUs: number; windowUs: number }): SyncProgress {
  const horizonUs = nowUs - settleUs
  let total = 0
  let covered = 0
  let caughtUp = 0
  let maxLagUs = 0
  for (const state of states) {
    const fromUs = state.backfillFrom.getTime() * 1000
    const watermarkUs = state.watermark.getTime() * 1000
    total += Math.max(0, horizonUs - fromUs)
    covered += Math.max(0, Math.min(watermarkUs, horizonUs) - fromUs)
    const lagUs = Math.max(0, horizonUs - watermarkUs)
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

// The minutes a canary is judged on: those in which both the new version and its baseline served
// entry spans (so both saw the same traffic mix, time of day and downstream weather), the most recent
// `judgedMinutes` of them. Per minute too, for the deployment page's side-by-side charts. Pure.
import { LatencyHistogram } from '@/lib/metrics/histogram'
import type { VersionSample } from './canary-metrics'

/** One version's entry spans in one minute (version_rollups). A null histogram is the service's own: the version served every span. */
export type VersionMinute = { bucketMs: number; version: string; requests: number; errors: number; histogram: Uint8Array | null }

export type CanaryMinute = {
  bucketMs: number
  canary: { requests: number; errors: number; p95Us: number | null }
  baseline: { requests: number; errors: number; p95Us: number | null }
}

export type CanaryWindow = {
  canary: VersionSample
  baseline: VersionSample
  /** The judged minutes: first and last (start, ms) and how many; null when none overlapped. */
  fromMs: number | null
  toMs: number | null
  minutes: number
}

/** Judge over the last hour of shared minutes: long enough for small canaries, short enough to reflect a fix. */
export const JUDGED_MINUTES = 60

const emptySample = (version: string): VersionSample => ({ version, requests: 0, errors: 0, histogram: new LatencyHistogram() })

/** Minutes in which both versions ran, oldest first. */
export function sharedMinutes(
  rows: readonly VersionMinute[],
  canary: string,
  baseline: string,
): { canary: VersionMinute; baseline: VersionMinute }[] {
  const byMinute = new Map<number, { canary?: VersionMinute; baseline?: VersionMinute }>()
  for (const row of rows) {
    const side = row.version === canary ? 'canary' : row.version === baseline ? 'baseline' : null
    if (!side || row.requests === 0) continue
    const minute = byMinute.get(row.bucketMs) ?? {}
    minute[side] = row
    byMinute.set(row.bucketMs, minute)
  }
  return [...byMinute.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([, minute]) => (minute.canary && minute.baseline ? [{ canary: minute.canary, baseline: minute.baseline }] : []))
}

export function canaryWindow(
  rows: readonly VersionMinute[],
  { canary, baseline, judgedMinutes = JUDGED_MINUTES }: { canary: string; baseline: string; judgedMinutes?: number },
): CanaryWindow {
  const judged = sharedMinutes(rows, canary, baseline).slice(-judgedMinutes)
  const samples = { canary: emptySample(canary), baseline: emptySample(baseline) }
  for (const minute of judged) {
    for (const side of ['canary', 'baseline'] as const) {
      const row = minute[side]
      samples[side].requests += row.requests
      samples[side].errors += row.errors
      // Both versions ran in the minute, so each stored its own histogram (lib/metrics/version-rollup.ts).
      if (row.histogram) samples[side].histogram.mergeBytes(row.histogram)
    }
  }
  return {
    ...samples,
    fromMs: judged[0]?.canary.bucketMs ?? null,
    toMs: judged.at(-1)?.canary.bucketMs ?? null,
    minutes: judged.length,
  }
}

/** Both versions minute by minute, over every shared minute (p95 from each minute's histogram). */
export function canaryMinutes(rows: readonly VersionMinute[], canary: string, baseline: string): CanaryMinute[] {
  const side = (row: VersionMinute) => ({
    requests: row.requests,
    errors: row.errors,
    p95Us: row.histogram ? LatencyHistogram.decode(row.histogram).quantile(0.95) : null,
  })
  return sharedMinutes(rows, canary, baseline).map((minute) => ({
    bucketMs: minute.canary.bucketMs,
    canary: side(minute.canary),
    baseline: side(minute.baseline),
  }))
}

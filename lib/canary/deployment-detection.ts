// Deployments read off the versions a service has run (service_versions: first and last minute each
// was seen), the way Datadog's deployment tracking does it from `version` tags. Pure.
//
// Every version after the first opens a deployment. Its baseline is the version it replaces: of those
// seen before it, the one seen last (still running beside it during a canary; the previous one after
// a straight cut-over). Then, at the data's `asOf` (the service's watermark, not the wall clock, so a
// lagging sync does not make a version look gone):
// - the baseline gone while the new version runs on: finished, when the baseline's last minute ended;
// - the new version gone while the baseline runs on: rolled back, when the new one's last minute ended;
// - otherwise in progress.
// "Gone" means no span for `goneAfterMs` after its last minute: instances drain unevenly, and a quiet
// service has empty minutes.
//
// Versions first seen within `goneAfterMs` of the start of the data read (`historyStartsMs`: where the
// synced history begins, and a live range's start while the history before it is still unread) were
// already running there: which came first is not in the data. They are ordered by semantic-version
// precedence when every one of them is a semantic version (a canary 2.1.0-rc.81 beside 2.0.1 is the
// newer); otherwise none of them opens a deployment until history before them is read. Nor does one
// replace a version seen before that start: the versions between them lie in the history not read.
import { compare as compareSemver, parse as parseSemver } from 'semver'
import type { SyncStateRow } from '@/lib/sync/sync-state-repository'

export type ObservedVersion = { version: string; firstSeenMs: number; lastSeenMs: number; spans: number }

export type DetectedDeployment = {
  version: string
  baselineVersion: string
  status: 'in_progress' | 'finished' | 'rolled_back'
  firstSeenMs: number
  lastSeenMs: number
  baselineLastSeenMs: number
  /** When it finished or was rolled back; null while in progress. */
  endedMs: number | null
}

export const DETECTION_DEFAULTS = { goneAfterMs: 10 * 60_000, minuteMs: 60_000 }

/**
 * A version in order; `historyStartMs` when it was already running where the history read begins, and
 * `orderKnown` false when its place among the others running there is not known.
 */
type Ordered = ObservedVersion & { orderKnown: boolean; historyStartMs: number | undefined }

/** What of a service's history its sync state says has been read. */
type SyncRanges = Pick<SyncStateRow, 'watermark' | 'backfillFrom' | 'liveFrom' | 'liveWatermark'>

export function detectDeployments(
  versions: readonly ObservedVersion[],
  {
    asOfMs,
    goneAfterMs = DETECTION_DEFAULTS.goneAfterMs,
    historyStartsMs = [],
  }: { asOfMs: number; goneAfterMs?: number; historyStartsMs?: readonly number[] },
): DetectedDeployment[] {
  const { minuteMs } = DETECTION_DEFAULTS
  const ordered = orderVersions(versions, historyStartsMs, goneAfterMs)
  const gone = (version: ObservedVersion) => version.lastSeenMs + minuteMs + goneAfterMs <= asOfMs
  return ordered.flatMap((version, index): DetectedDeployment[] => {
    if (!version.orderKnown) return []
    // Already running where the history begins: it replaced none seen before (the versions between lie
    // in history not read), only one running beside it there.
    const before = ordered.slice(0, index)
    const earlier =
      version.historyStartMs === undefined ? before : before.filter((candidate) => candidate.historyStartMs === version.historyStartMs)
    if (earlier.length === 0) return []
    const baseline = earlier.reduce((best, candidate) =>
      candidate.lastSeenMs > best.lastSeenMs || (candidate.lastSeenMs === best.lastSeenMs && candidate.spans > best.spans)
        ? candidate
        : best,
    )
    const detected = {
      version: version.version,
      baselineVersion: baseline.version,
      firstSeenMs: version.firstSeenMs,
      lastSeenMs: version.lastSeenMs,
      baselineLastSeenMs: baseline.lastSeenMs,
    }
    if (baseline.lastSeenMs < version.firstSeenMs) return [{ ...detected, status: 'finished', endedMs: version.firstSeenMs }]
    const baselineGone = gone(baseline) && baseline.lastSeenMs <= version.lastSeenMs
    const versionGone = gone(version) && version.lastSeenMs < baseline.lastSeenMs
    if (baselineGone) return [{ ...detected, status: 'finished', endedMs: baseline.lastSeenMs + minuteMs }]
    if (versionGone) return [{ ...detected, status: 'rolled_back', endedMs: version.lastSeenMs + minuteMs }]
    return [{ ...detected, status: 'in_progress', endedMs: null }]
  })
}

/**
 * How far a service's data is read: complete to the watermark, or to the live range's end while history
 * is being read; it starts where the backfill began and, while the history below it is unread, again
 * where the live range begins (versions seen first there were already running).
 */
export function dataRead(state: SyncRanges | null | undefined, now: Date): { asOfMs: number; historyStartsMs: number[] } {
  if (!state) return { asOfMs: now.getTime(), historyStartsMs: [] }
  return {
    asOfMs: Math.max(state.watermark.getTime(), state.liveWatermark?.getTime() ?? 0),
    historyStartsMs: [state.backfillFrom.getTime(), ...(state.liveFrom ? [state.liveFrom.getTime()] : [])],
  }
}

/**
 * The history start a version first seen at `firstSeenMs` was already running at (first seen within
 * `goneAfterMs` of it: a quiet version may take minutes to show), or undefined when its start was seen.
 */
export function historyStartAt(
  firstSeenMs: number,
  historyStartsMs: readonly number[],
  goneAfterMs = DETECTION_DEFAULTS.goneAfterMs,
): number | undefined {
  return historyStartsMs.filter((startMs) => firstSeenMs >= startMs && firstSeenMs <= startMs + goneAfterMs).at(-1)
}

/**
 * The versions oldest first. Those already running at a history start sort at that start, among
 * themselves by semantic version; when one of them is not a semantic version their order is unknown
 * (they open no deployment).
 */
function orderVersions(versions: readonly ObservedVersion[], historyStartsMs: readonly number[], goneAfterMs: number): Ordered[] {
  const placed = versions.map((version) => ({
    ...version,
    historyStartMs: historyStartAt(version.firstSeenMs, historyStartsMs, goneAfterMs),
  }))
  const unordered = new Set(
    placed
      .filter((version) => version.historyStartMs !== undefined && !parseSemver(version.version, { loose: true }))
      .map((v) => v.historyStartMs),
  )
  const bySemver = (a: (typeof placed)[number], b: (typeof placed)[number]) =>
    a.historyStartMs !== undefined && a.historyStartMs === b.historyStartMs && !unordered.has(a.historyStartMs)
      ? compareSemver(a.version, b.version, { loose: true })
      : 0
  return placed
    .sort(
      (a, b) =>
        (a.historyStartMs ?? a.firstSeenMs) - (b.historyStartMs ?? b.firstSeenMs) ||
        bySemver(a, b) ||
        a.firstSeenMs - b.firstSeenMs ||
        a.version.localeCompare(b.version),
    )
    .map((version) => ({ ...version, orderKnown: !unordered.has(version.historyStartMs) }))
}

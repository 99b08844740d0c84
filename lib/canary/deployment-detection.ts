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

export function detectDeployments(
  versions: readonly ObservedVersion[],
  { asOfMs, goneAfterMs = DETECTION_DEFAULTS.goneAfterMs }: { asOfMs: number; goneAfterMs?: number },
): DetectedDeployment[] {
  const { minuteMs } = DETECTION_DEFAULTS
  const ordered = [...versions].sort((a, b) => a.firstSeenMs - b.firstSeenMs || a.version.localeCompare(b.version))
  const gone = (version: ObservedVersion) => version.lastSeenMs + minuteMs + goneAfterMs <= asOfMs
  return ordered.slice(1).map((version, index) => {
    const earlier = ordered.slice(0, index + 1)
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
    if (baseline.lastSeenMs < version.firstSeenMs) return { ...detected, status: 'finished', endedMs: version.firstSeenMs }
    const baselineGone = gone(baseline) && baseline.lastSeenMs <= version.lastSeenMs
    const versionGone = gone(version) && version.lastSeenMs < baseline.lastSeenMs
    if (baselineGone) return { ...detected, status: 'finished', endedMs: baseline.lastSeenMs + minuteMs }
    if (versionGone) return { ...detected, status: 'rolled_back', endedMs: version.lastSeenMs + minuteMs }
    return { ...detected, status: 'in_progress', endedMs: null }
  })
}

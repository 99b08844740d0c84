// Versions in the summaries: a service's spans by `service.version`, so a new version shows the minute
// its first spans arrive instead of hiding inside the fleet's sums. Pure.
//
// A window's spans are rolled up per (operation, span kind, minute, version); then
// - `collapseVersions` gives the usual rows (all versions together) — a minute of one version reuses
//   its row as is, so single-version services pay nothing for the extra key;
// - `versionRowsToStore` gives what is stored besides them: one row per (minute, version) with the
//   version's entry spans (its RED metrics), and per-operation rows only for minutes in which the
//   service ran two versions or more — a deployment in progress, what a canary is judged on.
// The second step runs on the whole window (after its pieces merged), so a minute split between two
// pieces still sees all its versions.
import { ENTRY_KINDS } from '@/lib/traces/span'
import { LatencyHistogram } from './histogram'
import { operationKey } from './operation-key'
import type { ServiceRollup, SpanRollup } from './rollup'
import { addSpanCounts } from './span-counts'

/** A span rollup of one version ('' while collecting: spans without `service.version`). */
export type VersionedSpanRollup = SpanRollup & { version: string }

/** One version's spans in one bucket; `entryHistogram` null when it equals the service's (see schema.prisma). */
export type VersionRollup = {
  bucketStartUs: number
  version: string
  spans: number
  entrySpans: number
  entryErrors: number
  entryEstimatedSpans: number
  entryEstimatedErrors: number
  entryDurationSumUs: number
  entryDurationMaxUs: number
  entryHistogram: LatencyHistogram | null
}

export const versionedKey = (operation: string, spanKind: string, bucketStartUs: number, version: string) =>
  `${operationKey(operation, spanKind)}\u0000${bucketStartUs}\u0000${version}`

const withoutVersion = ({ version: _version, ...row }: VersionedSpanRollup): SpanRollup => row

/** All versions of each (operation, span kind, minute) summed; the versioned rows (version set) kept beside them. */
export function collapseVersions(rows: Iterable<VersionedSpanRollup>): {
  spanRollups: SpanRollup[]
  versionedSpanRollups: VersionedSpanRollup[]
} {
  const groups = new Map<string, VersionedSpanRollup[]>()
  const versionedSpanRollups: VersionedSpanRollup[] = []
  for (const row of rows) {
    const key = `${operationKey(row.operation, row.spanKind)}\u0000${row.bucketStartUs}`
    const group = groups.get(key)
    if (group) group.push(row)
    else groups.set(key, [row])
    if (row.version !== '') versionedSpanRollups.push(row)
  }
  const spanRollups = [...groups.values()].map((group) => {
    if (group.length === 1) return withoutVersion(group[0]!)
    const total = { ...withoutVersion(group[0]!), histogram: new LatencyHistogram() }
    total.histogram.merge(group[0]!.histogram)
    for (const row of group.slice(1)) {
      addSpanCounts(total, row)
      total.histogram.merge(row.histogram)
    }
    return total
  })
  return { spanRollups, versionedSpanRollups }
}

/** The version rows of a window's rollups: per (minute, version), and per operation in multi-version minutes. */
export function versionRowsToStore({
  versionedSpanRollups,
  serviceRollups,
}: {
  versionedSpanRollups: readonly VersionedSpanRollup[]
  serviceRollups: readonly ServiceRollup[]
}): { versionRollups: VersionRollup[]; versionOperationRollups: VersionedSpanRollup[] } {
  const byMinute = new Map<number, Map<string, VersionedSpanRollup[]>>()
  for (const row of versionedSpanRollups) {
    let versions = byMinute.get(row.bucketStartUs)
    if (!versions) byMinute.set(row.bucketStartUs, (versions = new Map()))
    const rows = versions.get(row.version)
    if (rows) rows.push(row)
    else versions.set(row.version, [row])
  }
  const entrySpansOfMinute = new Map(serviceRollups.map((rollup) => [rollup.bucketStartUs, rollup.entrySpans]))
  const versionRollups: VersionRollup[] = []
  const versionOperationRollups: VersionedSpanRollup[] = []
  for (const [bucketStartUs, versions] of byMinute) {
    for (const [version, rows] of versions) {
      const rollup = versionRollupOf(bucketStartUs, version, rows)
      // The version served every entry span of the minute: its histogram is the service's, stored once.
      if (versions.size === 1 && rollup.entrySpans === entrySpansOfMinute.get(bucketStartUs)) rollup.entryHistogram = null
      versionRollups.push(rollup)
      if (versions.size > 1) versionOperationRollups.push(...rows)
    }
  }
  return { versionRollups, versionOperationRollups }
}

function versionRollupOf(bucketStartUs: number, version: string, rows: readonly VersionedSpanRollup[]): VersionRollup {
  const rollup: VersionRollup = {
    bucketStartUs,
    version,
    spans: 0,
    entrySpans: 0,
    entryErrors: 0,
    entryEstimatedSpans: 0,
    entryEstimatedErrors: 0,
    entryDurationSumUs: 0,
    entryDurationMaxUs: 0,
    entryHistogram: new LatencyHistogram(),
  }
  for (const row of rows) {
    rollup.spans += row.spanCount
    if (!ENTRY_KINDS.has(row.spanKind)) continue
    rollup.entrySpans += row.spanCount
    rollup.entryErrors += row.errorCount
    rollup.entryEstimatedSpans += row.estimatedSpanCount
    rollup.entryEstimatedErrors += row.estimatedErrorCount
    rollup.entryDurationSumUs += row.durationSumUs
    rollup.entryDurationMaxUs = Math.max(rollup.entryDurationMaxUs, row.durationMaxUs)
    rollup.entryHistogram!.merge(row.histogram)
  }
  return rollup
}

export type VersionSeen = { version: string; firstSeenUs: number; lastSeenUs: number; spans: number }

/** Each version's first and last minute in these rows (minute starts), and its spans. */
export function versionsSeen(rows: readonly VersionRollup[]): VersionSeen[] {
  const seen = new Map<string, VersionSeen>()
  for (const row of rows) {
    const into = seen.get(row.version)
    if (!into) {
      seen.set(row.version, { version: row.version, firstSeenUs: row.bucketStartUs, lastSeenUs: row.bucketStartUs, spans: row.spans })
      continue
    }
    into.firstSeenUs = Math.min(into.firstSeenUs, row.bucketStartUs)
    into.lastSeenUs = Math.max(into.lastSeenUs, row.bucketStartUs)
    into.spans += row.spans
  }
  return [...seen.values()]
}

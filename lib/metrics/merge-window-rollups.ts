// Sums the rollups of disjoint pieces of one window (a window split because Jaeger's answer was full),
// bucket by bucket; histograms merge exactly. Pure; inputs are left untouched.
import { LatencyHistogram } from './histogram'
import { operationKey } from './operation-key'
import { SERVICE_COUNTERS, type CallerRollup, type ServiceRollup, type SpanRollup, type WindowRollups } from './rollup'
import { addSpanCounts } from './span-counts'
import { versionedKey, type VersionedSpanRollup } from './version-rollup'

function mergeRows<T extends SpanRollup>(rowsOfParts: readonly (readonly T[])[], keyOf: (row: T) => string): T[] {
  const merged = new Map<string, T>()
  for (const rows of rowsOfParts) {
    for (const row of rows) {
      const key = keyOf(row)
      const into = merged.get(key)
      if (!into) {
        const histogram = new LatencyHistogram()
        histogram.merge(row.histogram)
        merged.set(key, { ...row, histogram })
        continue
      }
      addSpanCounts(into, row)
      into.histogram.merge(row.histogram)
    }
  }
  return [...merged.values()]
}

export function mergeWindowRollups(parts: readonly WindowRollups[]): WindowRollups {
  const serviceRollups = new Map<number, ServiceRollup>()
  const callers = new Map<string, CallerRollup>()
  let spans = 0
  let traces = 0
  for (const part of parts) {
    spans += part.spans
    traces += part.traces
    for (const edge of part.callers) {
      const into = callers.get(edge.caller)
      if (!into) {
        callers.set(edge.caller, { ...edge })
        continue
      }
      into.calls += edge.calls
      into.errors += edge.errors
      into.firstSeenUs = Math.min(into.firstSeenUs, edge.firstSeenUs)
      into.lastSeenUs = Math.max(into.lastSeenUs, edge.lastSeenUs)
    }
    for (const rollup of part.serviceRollups) {
      const into = serviceRollups.get(rollup.bucketStartUs)
      if (!into) {
        const entryHistogram = new LatencyHistogram()
        entryHistogram.merge(rollup.entryHistogram)
        serviceRollups.set(rollup.bucketStartUs, { ...rollup, entryHistogram })
        continue
      }
      for (const field of SERVICE_COUNTERS) into[field] += rollup[field]
      into.entryHistogram.merge(rollup.entryHistogram)
    }
  }
  return {
    spanRollups: mergeRows(
      parts.map((part) => part.spanRollups),
      (row) => `${operationKey(row.operation, row.spanKind)}\u0000${row.bucketStartUs}`,
    ),
    versionedSpanRollups: mergeRows<VersionedSpanRollup>(
      parts.map((part) => part.versionedSpanRollups),
      (row) => versionedKey(row.operation, row.spanKind, row.bucketStartUs, row.version),
    ),
    serviceRollups: [...serviceRollups.values()],
    callers: [...callers.values()],
    spans,
    traces,
  }
}

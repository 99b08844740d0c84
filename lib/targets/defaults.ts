// The rollout's week-2 targets (DESIGN.md, "measured against the rollout's week-2 targets").
import type { TargetKey } from './schemas'

export type TargetDefault = { key: TargetKey; label: string; goal: number; comparator: 'at_least' | 'at_most' }

export const DEFAULT_TARGETS: readonly TargetDefault[] = [
  { key: 'services_traced', label: 'Services traced', goal: 23, comparator: 'at_least' },
  { key: 'tracing_overhead', label: 'Average tracing overhead', goal: 5, comparator: 'at_most' }, // ms
  { key: 'trace_reliability', label: 'Trace reliability', goal: 0.999, comparator: 'at_least' }, // complete / seen, 7 d
  { key: 'debugging_time', label: 'Faster debugging', goal: 0.5, comparator: 'at_least' }, // reduction of median time-to-resolve
]

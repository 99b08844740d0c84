import type { TargetKey } from './schemas'

/** How each target is computed (DESIGN.md scorecard), shown under the tile. */
export const TARGET_METHOD: Record<TargetKey, string> = {
  services_traced: 'Inventory services with spans seen in the last 24 h',
  tracing_overhead: 'Mean over traced services of their latest overhead measurement (tracing on − off)',
  trace_reliability: 'Complete traces ÷ traces seen, last 7 d (root span, no orphans, no Jaeger warnings)',
  debugging_time: 'Median time-to-resolve of incidents after a service went live vs before',
}

/** What has to happen before a target can be measured, while it cannot yet. */
export const TARGET_AWAITS: Record<TargetKey, string> = {
  services_traced: 'Measured once the sync worker has pulled spans from Jaeger.',
  tracing_overhead: 'Measured once overhead measurements are posted for traced services.',
  trace_reliability: 'Measured once the sync worker has checked trace quality.',
  debugging_time: 'Measured once incidents are recorded before and after go-live.',
}

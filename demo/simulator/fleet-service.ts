// What the simulator knows of one service of the fleet (fleet.ts): its owner, its place in the tracing
// rollout, and how it is deployed and instrumented.

export type Language = 'go' | 'java' | 'nodejs' | 'python'

export type FleetService = {
  name: string
  team: string
  owner: string
  tier: 1 | 2 | 3
  /** 0: the pilot. */
  wave: 0 | 1 | 2 | 3
  /** Planned go-live, in whole days relative to the anchor (negative: before it). */
  plannedDayOffset: number
  /** Days before the anchor at which the service started emitting spans; null: not instrumented yet. */
  instrumentedDaysAgo: number | null
  /** false: emits traces but is not in the inventory catalog (shows up as "discovered"). */
  inCatalog: boolean
  language: Language
  /** Reported as `service.version`; null: the resource lacks it (a deliberate coverage gap). */
  version: string | null
  instances: number
  sampler: { type: 'probabilistic' | 'const'; param: number }
  /** Per-instance clock offset in µs added to every reported timestamp (clock skew). */
  clockOffsetsUs?: readonly number[]
  /** Legacy agent: server spans carry no `http.route` and are named by method only. */
  omitsHttpRoute?: boolean
  /** Old HTTP semantic conventions (`http.method`, `http.status_code`, `http.target`). */
  legacyHttpSemconv?: boolean
}

export const HEAD_SAMPLING = { type: 'probabilistic', param: 0.1 } as const

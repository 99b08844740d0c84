// The "average tracing overhead" target (DESIGN.md): the mean over traced services of their latest
// measurement. Traced services with no measurement are counted and named, never averaged over silently.

export type ServiceOverhead = {
  service: string
  /** Spans seen in the last 24 h (the "services traced" definition). */
  traced: boolean
  /** Its latest measurement's overhead, ms; null when it has none. */
  latestOverheadMs: number | null
}

export type FleetOverhead = {
  /** Mean of the latest overhead of the traced services that have one; null when none has. */
  averageMs: number | null
  traced: number
  /** Traced services whose latest measurement is in the average. */
  measured: number
  /** Traced services without any measurement: not in the average. */
  unmeasured: string[]
}

export function computeFleetOverhead(services: readonly ServiceOverhead[]): FleetOverhead {
  const traced = services.filter((service) => service.traced)
  const measured = traced.flatMap((service) => (service.latestOverheadMs === null ? [] : [service.latestOverheadMs]))
  return {
    averageMs: measured.length ? measured.reduce((sum, overheadMs) => sum + overheadMs, 0) / measured.length : null,
    traced: traced.length,
    measured: measured.length,
    unmeasured: traced.filter((service) => service.latestOverheadMs === null).map((service) => service.service),
  }
}

// The deterministic fleet simulator: traffic is a pure function of (seed, anchor, volume, minute),
// generated on demand and held only in a bounded LRU of minutes; `now` decides what is visible.
import { NO_SKEW, applyClockSkew, compileClockSkew, type ServiceSkew } from './clock-skew'
import { listDependencies, type DependencyLink } from './list-dependencies'
import { exactCounts, type CountWindow, type ExactCounts } from './exact-counts'
import { findTraces, type MinuteSource, type TraceQuery } from './find-traces'
import { FLEET } from './fleet'
import { createMinuteCache } from './minute-cache'
import { OPERATIONS, type Operation } from './operations'
import { MINUTE_US, createScenario } from './scenario'
import type { SimTrace } from './simulated-trace'
import { JOB_SLOT_BASE, decodeTraceId, traceChecksum } from './trace-id'
import { generateTraces, slotsOfMinute } from './trace-generator'

export type SimulatorOptions = {
  /** The rollout's reference time, ms since the epoch. */
  anchorMs: number
  seed: number
  /** Sampled traces per minute at the daily mean. */
  tracesPerMinute: number
  /** Wall clock, ms since the epoch; nothing that ends after it is returned. */
  now?: () => number
  /** Most minutes of generated traffic kept in memory. */
  cacheMinutes?: number
  /** Extra clock offsets by service (a test fault), read on every call; default none. */
  clockSkews?: () => readonly ServiceSkew[]
}

export const DEFAULT_CACHE_MINUTES = 120
/** Highest volume whose slot numbers (volume × 1.35 daily peak × 1.1 noise) stay below the job slots. */
export const MAX_TRACES_PER_MINUTE = Math.floor(JOB_SLOT_BASE / 1.5)

export type Simulator = ReturnType<typeof createSimulator>

export function createSimulator(options: SimulatorOptions) {
  if (!(options.tracesPerMinute > 0 && options.tracesPerMinute <= MAX_TRACES_PER_MINUTE)) {
    throw new Error(`tracesPerMinute must be in (0, ${MAX_TRACES_PER_MINUTE}], got ${options.tracesPerMinute}`)
  }
  const scenario = createScenario(options)
  const now = options.now ?? Date.now
  const cache = createMinuteCache<readonly SimTrace[]>(options.cacheMinutes ?? DEFAULT_CACHE_MINUTES)
  const earliestEmitUs = Math.min(...scenario.instrumentedFromUs)
  const nowUs = () => Math.floor(now() * 1000)

  const generateMinute = (minute: number): readonly SimTrace[] =>
    slotsOfMinute(scenario, minute)
      .flatMap((slot) => generateTraces(scenario, minute, slot))
      .sort((a, b) => a.startUs - b.startUs)

  /** When a service (or, without one, the first service) starts emitting; Infinity for unknown names. */
  const emitsFromUs = (serviceName?: string) => {
    if (!serviceName) return earliestEmitUs
    const index = FLEET.findIndex((service) => service.name === serviceName)
    return index < 0 ? Number.POSITIVE_INFINITY : scenario.instrumentedFromUs[index]!
  }
  // A trace's emitters are fixed at its start, so a minute can hold spans of a service only if
  // the service emits by the minute's end; minutes after now are never generated.
  const mayEmit = (minute: number, serviceName?: string) =>
    minute * MINUTE_US <= nowUs() && (minute + 1) * MINUTE_US > emitsFromUs(serviceName)

  const listServices = (): string[] =>
    FLEET.filter((_, index) => scenario.instrumentedFromUs[index]! <= nowUs())
      .map((service) => service.name)
      .sort()

  const cachedTraces = (minute: number) => cache.get(minute, generateMinute)
  /** Reads cached minutes but does not fill the cache. */
  const passingTraces = (minute: number) => cache.peek(minute) ?? generateMinute(minute)
  /** The cache holds traces as generated; a skew fault is applied on every read, so all reads agree. */
  const currentSkew = () => (options.clockSkews ? compileClockSkew(options.clockSkews()) : NO_SKEW)
  const sourceOf = (tracesOf: (minute: number) => readonly SimTrace[]): MinuteSource => {
    const skew = currentSkew()
    if (skew === NO_SKEW) return { tracesOf, mayEmit, nowUs, skew }
    return { tracesOf: (minute) => tracesOf(minute).map((trace) => applyClockSkew(trace, skew)), mayEmit, nowUs, skew }
  }
  /**
   * A scan longer than half the cache would only evict what other reads still need, and keeping
   * its minutes alive costs more in garbage collection than generating them again, so it passes.
   */
  const sourceFor = (startUs: number, endUs: number) =>
    sourceOf((endUs - startUs) / MINUTE_US > cache.capacity / 2 ? passingTraces : cachedTraces)

  return {
    scenario,
    nowUs,

    /** Services that have reported spans by now, sorted. */
    listServices,

    /** Operations of a service that has reported spans; none for any other name. */
    listOperations(serviceName: string, spanKind = ''): Operation[] {
      if (!listServices().includes(serviceName)) return []
      return (OPERATIONS.get(serviceName) ?? []).filter((operation) => spanKind === '' || operation.spanKind === spanKind)
    },

    /** The trace with this 32-hex-digit id if it exists and has ended by now, regenerated from the id. */
    getTrace(traceIdHex: string): SimTrace | null {
      const parts = decodeTraceId(traceIdHex)
      if (!parts || parts.checksum !== traceChecksum(scenario.seed, parts.minute, parts.slot)) return null
      if (!mayEmit(parts.minute) || !slotsOfMinute(scenario, parts.minute).includes(parts.slot)) return null
      const generated = (cache.peek(parts.minute) ?? generateTraces(scenario, parts.minute, parts.slot)).find(
        (candidate) => candidate.traceId === traceIdHex,
      )
      if (!generated) return null
      const trace = applyClockSkew(generated, currentSkew())
      if (trace.visibleFromUs > nowUs()) return null
      return trace
    },

    findTraces: (query: TraceQuery): SimTrace[] => findTraces(sourceFor(query.startTimeMinUs, query.startTimeMaxUs), query),
    exactCounts: (window: CountWindow): ExactCounts => exactCounts(sourceFor(window.startUs, window.endUs), window),
    dependencies: (startUs: number, endUs: number): DependencyLink[] => listDependencies(sourceOf(passingTraces), startUs, endUs),
    cacheStats: () => ({ cachedMinutes: cache.size, capacity: cache.capacity, generatedMinutes: cache.generated }),
  }
}

// The demo Jaeger's test fault switch: holds the active faults and decides, request by request, which
// of them hit. It touches no socket: withFaults acts on its plans, the listener gate on `down: 'refuse'`
// and the simulator on `skew`.
import type { ServiceSkew } from '../simulator/clock-skew'
import { faultSettingsSchema, type FaultSettings } from './schemas'

export type FaultSwitch = {
  /**
   * Merges into the active faults (a key given as undefined is dropped) and restarts the `times`
   * count; resolves once the listener is in the state `down` asks for. Throws a ZodError on bad faults.
   */
  set(faults: FaultSettings): Promise<void>
  /** Replaces the active faults, as PUT /__demo/faults does. */
  replace(faults: FaultSettings): Promise<void>
  clear(): Promise<void>
  current(): FaultSettings
}

/** What one request suffers, in the order withFaults applies it. */
export type RequestFaults = {
  resetConnection: boolean
  delayMs: number
  /** Answer with Jaeger's error body for this status instead of handling the request. */
  errorStatus?: number
  corrupt?: 'shape' | 'bytes'
  truncate: boolean
  maxSearchDepth?: number
}

export type FaultEngine = FaultSwitch & {
  /** The faults for the next request to this (escaped) path; null when none apply. */
  planRequest(path: string): RequestFaults | null
  clockSkews(): readonly ServiceSkew[]
  /** Called on every change with whether nothing should listen; set() waits for it. */
  onRefusingChange(follow: (refusing: boolean) => Promise<void>): void
  /** Cancels a pending `downForMs` lift; later changes no longer reach the listener. */
  dispose(): void
}

const DEFAULT_ERROR_STATUS = 500
const RESET: RequestFaults = { resetConnection: true, delayMs: 0, truncate: false }

/**
 * Request n (1-based) fails when ⌊n·rate⌋ steps up: ⌊n·rate⌋ failures in the first n, evenly spread.
 * The 1e-9 absorbs float error (0.29 · 100 = 28.999999999999996 must count as 29).
 */
const isErrorTurn = (rate: number, n: number) => Math.floor(n * rate + 1e-9) > Math.floor((n - 1) * rate + 1e-9)

const withoutUndefined = (faults: FaultSettings): FaultSettings =>
  Object.fromEntries(Object.entries(faults).filter(([, value]) => value !== undefined))

export function createFaultSwitch(): FaultEngine {
  let settings: FaultSettings = {}
  /** Requests matching `paths` since the last set, replace or clear. */
  let matched = 0
  let lift: NodeJS.Timeout | undefined
  let follow = async (_refusing: boolean) => {}
  let disposed = false

  /** restartLift: `down` or `downForMs` were given, so the lift timer starts over. */
  async function apply(next: FaultSettings, { restartLift, restartCount = true }: { restartLift: boolean; restartCount?: boolean }) {
    settings = faultSettingsSchema.parse(withoutUndefined(next))
    if (restartCount) matched = 0
    if (restartLift) {
      clearTimeout(lift)
      lift = undefined
      if (settings.down && settings.downForMs) {
        // Not unref'd: while nothing listens, this timer is what keeps a demo/server.ts process alive.
        lift = setTimeout(() => {
          lift = undefined
          apply({ ...settings, down: undefined, downForMs: undefined }, { restartLift: false, restartCount: false }).catch(
            (error: unknown) => console.error('demo Jaeger: lifting down failed', error),
          )
        }, settings.downForMs)
      }
    }
    if (!disposed) await follow(settings.down === 'refuse')
  }

  return {
    set: (faults) => apply({ ...settings, ...faults }, { restartLift: 'down' in faults || 'downForMs' in faults }),
    replace: (faults) => apply(faults, { restartLift: true }),
    clear: () => apply({}, { restartLift: true }),
    current: () => structuredClone(settings),

    planRequest(path) {
      // Only a connection opened before the listener closed can still ask: it meets a dead server.
      if (settings.down === 'refuse') return RESET
      if (settings.paths && !settings.paths.some((prefix) => path.startsWith(prefix))) return null
      matched++
      const early = settings.times === undefined || matched <= settings.times
      return {
        resetConnection: settings.down === 'reset',
        delayMs: settings.slowMs ?? 0,
        errorStatus: early && isErrorTurn(settings.errorRate ?? 0, matched) ? (settings.errorStatus ?? DEFAULT_ERROR_STATUS) : undefined,
        corrupt: early ? settings.corrupt : undefined,
        truncate: early && settings.truncate === true,
        maxSearchDepth: settings.capSearchesAt,
      }
    },
    clockSkews: () => settings.skew ?? [],
    onRefusingChange(next) {
      follow = next
    },
    dispose() {
      disposed = true
      clearTimeout(lift)
    },
  }
}

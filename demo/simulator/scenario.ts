// The story the demo traffic tells, all relative to the anchor time: the rollout (which service emits
// from when), the operation that turned slow, the periodic error bursts, the deployments (a good release
// and a bad canary, deployments.ts) and the daily traffic curve.
import { createDeployments } from './deployments'
import { FLEET } from './fleet'
import { hash32 } from './random'

export const MINUTE_US = 60_000_000
export const DAY_US = 24 * 60 * MINUTE_US

/** transactions-service's lookup lost its index in a migration 3 h before the anchor and stays slow. */
export const SLOW_OPERATION = {
  service: 'transactions-service',
  spanName: 'SELECT transactions',
  startsBeforeAnchorUs: 3 * 60 * MINUTE_US,
  medianFactor: 7, // p95 ≈ 9× the baseline p95 once the wider spread below is included
  sigma: 0.6, // log-normal spread while slow (baseline 0.45)
} as const

export type ErrorBurst = {
  service: string
  periodMinutes: number
  durationMinutes: number
  /** Minutes before the anchor at which the most recent burst (before the anchor) starts. */
  lastStartBeforeAnchorMinutes: number
  errorRatio: number
  /** 'external': the service's critical third-party call fails; 'self': the service fails itself. */
  via: 'external' | 'self'
  statusCode: number
  exceptionType: string
  message: string
}

/** Windows, repeating every period (before and after the anchor), where a service mostly fails. */
export const ERROR_BURSTS: readonly ErrorBurst[] = [
  {
    service: 'payment-gateway',
    periodMinutes: 360,
    durationMinutes: 15,
    lastStartBeforeAnchorMinutes: 75,
    errorRatio: 0.35,
    via: 'external',
    statusCode: 504,
    exceptionType: 'context.DeadlineExceeded',
    message: 'acquirer did not answer within 3s',
  },
  {
    service: 'card-service',
    periodMinutes: 240,
    durationMinutes: 10,
    lastStartBeforeAnchorMinutes: 150,
    errorRatio: 0.3,
    via: 'self',
    statusCode: 503,
    exceptionType: 'java.sql.SQLTransientConnectionException',
    message: 'HikariPool-1 - Connection is not available, request timed out after 30000ms.',
  },
]

export type ScenarioOptions = { anchorMs: number; seed: number; tracesPerMinute: number }

export type Scenario = ReturnType<typeof createScenario>

export function createScenario({ anchorMs, seed, tracesPerMinute }: ScenarioOptions) {
  const anchorUs = Math.floor(anchorMs) * 1000
  const anchorMinute = Math.floor(anchorUs / MINUTE_US)
  /** µs at which each FLEET service starts emitting; Infinity: not instrumented yet. */
  const instrumentedFromUs = FLEET.map((service) =>
    service.instrumentedDaysAgo === null ? Number.POSITIVE_INFINITY : anchorUs - service.instrumentedDaysAgo * DAY_US,
  )
  const slowFromUs = anchorUs - SLOW_OPERATION.startsBeforeAnchorUs
  const { versionOf, placeInstance, deploymentsBetween } = createDeployments(anchorUs)

  return {
    anchorUs,
    seed,
    tracesPerMinute,
    instrumentedFromUs,
    slowFromUs,
    isInstrumented: (serviceIndex: number, atUs: number) => atUs >= (instrumentedFromUs[serviceIndex] ?? Number.POSITIVE_INFINITY),

    /** Multiplier on the median latency of a span (1 outside the slow operation's window). */
    latencyFactor(service: string, spanName: string, atUs: number): { factor: number; sigma?: number } {
      if (service === SLOW_OPERATION.service && spanName === SLOW_OPERATION.spanName && atUs >= slowFromUs) {
        return { factor: SLOW_OPERATION.medianFactor, sigma: SLOW_OPERATION.sigma }
      }
      return { factor: 1 }
    },

    // deployments.ts: the version an instance runs, the instance a request lands on, the rollouts in a window.
    versionOf,
    placeInstance,
    deploymentsBetween,

    /** The error burst the service is in at that time, if any. */
    activeBurst(service: string, atUs: number): ErrorBurst | undefined {
      const minute = Math.floor(atUs / MINUTE_US)
      return ERROR_BURSTS.find((burst) => {
        if (burst.service !== service) return false
        const sinceLastStart = minute - (anchorMinute - burst.lastStartBeforeAnchorMinutes)
        const phase = ((sinceLastStart % burst.periodMinutes) + burst.periodMinutes) % burst.periodMinutes
        return phase < burst.durationMinutes
      })
    },

    /** Sampled traces started in a minute: the volume times a daily curve, with a little noise. */
    traceCount(minute: number): number {
      const hourOfDay = (((minute % 1440) + 1440) % 1440) / 60
      const diurnal = 1 + 0.35 * Math.sin((2 * Math.PI * (hourOfDay - 9)) / 24) // peak 15:00 UTC, trough 03:00 UTC
      const noise = 0.9 + 0.2 * (hash32(seed, minute, 0x5107) / 0x1_0000_0000)
      const expected = tracesPerMinute * diurnal * noise
      const whole = Math.floor(expected)
      return whole + (hash32(seed, minute, 0xf4ac) / 0x1_0000_0000 < expected - whole ? 1 : 0)
    },
  }
}

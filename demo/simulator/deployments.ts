// The releases the fleet ships, relative to the anchor like the rest of the story: account-service
// promotes a good release every 8 h through a canary; audit-log-service tries a bad release candidate
// every 12 h, which is rolled back after its canary. Spanlens sees them only through `service.version`.
//
// audit-log-service carries the bad canary because nothing waits for it: it consumes payments.events
// after payment-gateway has answered, so its errors and latency never reach another service's spans.
import { FLEET } from './fleet'

const MINUTE_US = 60_000_000 // as scenario.ts, which imports this file

/** A rollout step: the first `instances` instances run the new version and take `share` of the requests. */
export type RolloutStep = { minutes: number; instances: number; share: number }

export type Deployment = {
  service: string
  periodMinutes: number
  /** Minutes before the anchor at which the most recent rollout (before the anchor) starts. */
  lastStartBeforeAnchorMinutes: number
  /** Days before the anchor of the first rollout: none earlier, so version numbers stay positive. */
  historyDays: number
  steps: readonly RolloutStep[]
  /** After the last step: 'promoted', every instance runs the new version; 'rolled_back', none does. */
  outcome: 'promoted' | 'rolled_back'
  /** The versions of the n-th rollout (n ≥ 1). */
  versions: (n: number) => { fromVersion: string; toVersion: string }
  /** The new version's median factor on the service's own work and extra failure ratio of its handlers. */
  medianFactor: number
  extraErrorRatio: number
}

export const DEPLOYMENTS: readonly Deployment[] = [
  {
    service: 'account-service',
    periodMinutes: 480,
    lastStartBeforeAnchorMinutes: 200,
    historyDays: 40,
    // ~10 entry spans a minute at midday, ~4.8 at the 03:00 UTC trough, and a quarter of that in the e2e
    // stack: 90 minutes at 40 % then 90 at 60 % give either side about 100 requests even there. Promoted
    // 20 minutes before the anchor, so a whole good rollout lies in the last hours a new worker reads first.
    steps: [
      { minutes: 90, instances: 1, share: 0.4 },
      { minutes: 90, instances: 2, share: 0.6 },
    ],
    outcome: 'promoted',
    versions: (n) => ({ fromVersion: `2.31.${n - 1}`, toVersion: `2.31.${n}` }),
    medianFactor: 1,
    extraErrorRatio: 0,
  },
  {
    service: 'audit-log-service',
    periodMinutes: 720,
    lastStartBeforeAnchorMinutes: 240,
    historyDays: 40,
    // ~6.5 entry spans a minute at midday, ~3.1 at the 03:00 UTC trough, a quarter of that in the e2e stack:
    // half of them for the four hours before the anchor (the judged stretch) give each side about 90
    // requests at any hour, even there. Under way for 90 minutes after the anchor, then rolled back.
    steps: [{ minutes: 330, instances: 1, share: 0.5 }],
    outcome: 'rolled_back',
    versions: (n) => ({ fromVersion: '2.0.1', toVersion: `2.1.0-rc.${n}` }),
    medianFactor: 1.6,
    extraErrorRatio: 0.08,
  },
]

/** One rollout, as a CI system would record it. `endUs`: when it was promoted or rolled back. */
export type DeploymentRecord = {
  service: string
  fromVersion: string
  toVersion: string
  startUs: number
  endUs: number
  outcome: Deployment['outcome']
}

/** The instance serving a request, the version it runs and how that version behaves. */
export type Placement = {
  readonly instance: number
  readonly version: string | null
  readonly medianFactor: number
  readonly extraErrorRatio: number
}

type Schedule = {
  deployment: Deployment
  serviceIndex: number
  periodUs: number
  lastStartUs: number
  durationUs: number
  /** Cycle 0 is the rollout started before the anchor; the first one is `firstCycle` (< 0). */
  firstCycle: number
  versionsByCycle: Map<number, { fromVersion: string; toVersion: string }>
}

const minutesOf = (steps: readonly RolloutStep[]) => steps.reduce((sum, step) => sum + step.minutes, 0)

export function createDeployments(anchorUs: number) {
  const anchorMinute = Math.floor(anchorUs / MINUTE_US)
  const schedules: Schedule[] = DEPLOYMENTS.map((deployment) => {
    const serviceIndex = FLEET.findIndex((service) => service.name === deployment.service)
    const service = FLEET[serviceIndex]
    if (!service || service.version === null) throw new Error(`no versioned service ${deployment.service}`)
    for (const step of deployment.steps)
      if (!(step.instances > 0 && step.instances < service.instances && step.share > 0 && step.share < 1))
        throw new Error(`a ${deployment.service} rollout step needs some but not all instances and traffic`)
    return {
      deployment,
      serviceIndex,
      periodUs: deployment.periodMinutes * MINUTE_US,
      lastStartUs: (anchorMinute - deployment.lastStartBeforeAnchorMinutes) * MINUTE_US,
      durationUs: minutesOf(deployment.steps) * MINUTE_US,
      firstCycle: -Math.floor((deployment.historyDays * 1440) / deployment.periodMinutes),
      versionsByCycle: new Map(),
    }
  })
  const scheduleOf = FLEET.map((_, serviceIndex) => schedules.find((schedule) => schedule.serviceIndex === serviceIndex))
  /** Placements of services without deployments, made once: one is looked up for every handler run. */
  const steadyPlacements: readonly (readonly Placement[])[] = FLEET.map((service) =>
    Array.from({ length: service.instances }, (_, instance) => ({
      instance,
      version: service.version,
      medianFactor: 1,
      extraErrorRatio: 0,
    })),
  )

  const versionsOf = (schedule: Schedule, cycle: number) => {
    let versions = schedule.versionsByCycle.get(cycle)
    if (!versions) schedule.versionsByCycle.set(cycle, (versions = schedule.deployment.versions(cycle - schedule.firstCycle + 1)))
    return versions
  }

  /**
   * The rollout under way or last done at atUs, and its step in progress (null: none, every instance
   * runs the same version: the new one once promoted, else the old one).
   */
  function momentOf(schedule: Schedule, atUs: number) {
    const cycle = Math.max(schedule.firstCycle, Math.floor((atUs - schedule.lastStartUs) / schedule.periodUs))
    const versions = versionsOf(schedule, cycle)
    let intoUs = atUs - (schedule.lastStartUs + cycle * schedule.periodUs)
    if (intoUs < 0) return { versions, step: null, onNew: false } // before the first rollout
    for (const step of schedule.deployment.steps) {
      if (intoUs < step.minutes * MINUTE_US) return { versions, step, onNew: false }
      intoUs -= step.minutes * MINUTE_US
    }
    return { versions, step: null, onNew: schedule.deployment.outcome === 'promoted' }
  }

  return {
    /** The version an instance of a service runs at atUs: the fleet's, unless a deployment says otherwise. */
    versionOf(serviceIndex: number, instance: number, atUs: number): string | null {
      const schedule = scheduleOf[serviceIndex]
      if (!schedule) return FLEET[serviceIndex]!.version
      const { versions, step, onNew } = momentOf(schedule, atUs)
      return (step ? instance < step.instances : onNew) ? versions.toVersion : versions.fromVersion
    },

    /**
     * The instance a request lands on, from one uniform draw in [0, 1): evenly spread, except during a
     * rollout step, when the new version's instances take its share. Outside those steps this is exactly
     * `rng.int(instances)`, so the simulator's draws keep their order.
     */
    placeInstance(serviceIndex: number, draw: number, atUs: number): Placement {
      const service = FLEET[serviceIndex]!
      const schedule = scheduleOf[serviceIndex]
      if (!schedule) return steadyPlacements[serviceIndex]![Math.floor(draw * service.instances)]!
      const { versions, step, onNew } = momentOf(schedule, atUs)
      let instance = Math.floor(draw * service.instances)
      let isNew = onNew
      if (step) {
        isNew = draw < step.share
        const rest = service.instances - step.instances
        instance = isNew
          ? Math.min(step.instances - 1, Math.floor((draw / step.share) * step.instances))
          : step.instances + Math.min(rest - 1, Math.floor(((draw - step.share) / (1 - step.share)) * rest))
      }
      if (!isNew) return { instance, version: versions.fromVersion, medianFactor: 1, extraErrorRatio: 0 }
      const { medianFactor, extraErrorRatio } = schedule.deployment
      return { instance, version: versions.toVersion, medianFactor, extraErrorRatio }
    },

    /** Rollouts overlapping [startUs, endUs), by start; those not finished yet included, with their planned end. */
    deploymentsBetween(startUs: number, endUs: number): DeploymentRecord[] {
      const records: DeploymentRecord[] = []
      for (const schedule of schedules) {
        const first = Math.max(schedule.firstCycle, Math.floor((startUs - schedule.durationUs - schedule.lastStartUs) / schedule.periodUs))
        for (let cycle = first; schedule.lastStartUs + cycle * schedule.periodUs < endUs; cycle++) {
          const rolloutStartUs = schedule.lastStartUs + cycle * schedule.periodUs
          const rolloutEndUs = rolloutStartUs + schedule.durationUs
          if (rolloutEndUs <= startUs) continue
          const { service, outcome } = schedule.deployment
          records.push({ service, ...versionsOf(schedule, cycle), startUs: rolloutStartUs, endUs: rolloutEndUs, outcome })
        }
      }
      return records.sort((a, b) => a.startUs - b.startUs || a.service.localeCompare(b.service))
    },
  }
}

// The simulated fintech fleet: who owns each service, how it is deployed, and where it stands in the
// tracing rollout relative to the anchor time. demo/catalog.ts exports the catalog slice of this.
//
// The rollout follows the report's plan (days relative to the anchor, which falls in week 2):
//   pilot  (wave 0)  predictive-analytics, traced since day -21
//   week 1 (wave 1)  the 5 core services from day -10: api-gateway (the edge: every request passes it,
//                    so the core's traces start there), auth-service, user-profile-service,
//                    transactions-service, fraud-detection
//   waves 2 and 3    the rest, planned from day -7 to day +2; risk-scoring-service went live a day late
//   late             loan-service, document-service and reporting-service: planned date passed, no spans
//   failing          notification-service: traced, but its Kafka client drops the trace id of some
//                    messages (call-graph.ts), so its complete-trace share stays below 99 %
// Week 1 starts on day -10, so week 2 ends (the due date) on day +3.

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

const HEAD_SAMPLING = { type: 'probabilistic', param: 0.1 } as const

export const FLEET: readonly FleetService[] = [
  {
    name: 'api-gateway',
    team: 'platform-edge',
    owner: 'maya.okafor@finova.example',
    tier: 1,
    wave: 1,
    plannedDayOffset: -10,
    instrumentedDaysAgo: 10,
    inCatalog: true,
    language: 'go',
    version: '3.12.0',
    instances: 4,
    sampler: HEAD_SAMPLING,
  },
  {
    name: 'auth-service',
    team: 'identity',
    owner: 'lars.nyberg@finova.example',
    tier: 1,
    wave: 1,
    plannedDayOffset: -10,
    instrumentedDaysAgo: 10,
    inCatalog: true,
    language: 'java',
    version: '5.4.2',
    instances: 3,
    sampler: HEAD_SAMPLING,
  },
  {
    name: 'account-service',
    team: 'core-banking',
    owner: 'priya.raman@finova.example',
    tier: 1,
    wave: 2,
    plannedDayOffset: -7,
    instrumentedDaysAgo: 7,
    inCatalog: true,
    language: 'java',
    version: '2.31.120', // the version at the anchor: deployments.ts ships 2.31.121 from 20 minutes before it
    instances: 3,
    sampler: HEAD_SAMPLING,
  },
  {
    name: 'payment-gateway',
    team: 'payments-core',
    owner: 'diego.alvarez@finova.example',
    tier: 1,
    wave: 2,
    plannedDayOffset: -7,
    instrumentedDaysAgo: 7,
    inCatalog: true,
    language: 'go',
    version: '1.48.0',
    instances: 3,
    sampler: HEAD_SAMPLING,
  },
  {
    name: 'onboarding-service',
    team: 'growth',
    owner: 'hannah.kim@finova.example',
    tier: 2,
    wave: 3,
    plannedDayOffset: 1,
    instrumentedDaysAgo: null,
    inCatalog: true,
    language: 'nodejs',
    version: '4.2.0',
    instances: 2,
    sampler: HEAD_SAMPLING,
  },
  {
    name: 'user-profile-service',
    team: 'identity',
    owner: 'lars.nyberg@finova.example',
    tier: 2,
    wave: 1,
    plannedDayOffset: -9,
    instrumentedDaysAgo: 9,
    inCatalog: true,
    language: 'nodejs',
    version: null,
    instances: 2,
    sampler: HEAD_SAMPLING,
  },
  {
    name: 'transactions-service',
    team: 'payments-core',
    owner: 'diego.alvarez@finova.example',
    tier: 1,
    wave: 1,
    plannedDayOffset: -9,
    instrumentedDaysAgo: 9,
    inCatalog: true,
    language: 'java',
    version: '7.3.5',
    instances: 3,
    sampler: HEAD_SAMPLING,
  },
  // A batch job: every run is traced (const sampler), so its sampled volume is its full volume.
  {
    name: 'settlement-service',
    team: 'payments-ops',
    owner: 'olu.adeyemi@finova.example',
    tier: 1,
    wave: 2,
    plannedDayOffset: -5,
    instrumentedDaysAgo: 5,
    inCatalog: true,
    language: 'go',
    version: '0.19.3',
    instances: 1,
    sampler: { type: 'const', param: 1 },
  },
  {
    name: 'card-service',
    team: 'cards',
    owner: 'sofia.marino@finova.example',
    tier: 1,
    wave: 2,
    plannedDayOffset: -6,
    instrumentedDaysAgo: 6,
    inCatalog: true,
    language: 'java',
    version: '6.0.4',
    instances: 3,
    sampler: HEAD_SAMPLING,
  },
  // Runs on hosts whose clocks lag: its spans start before the client spans that called it.
  {
    name: 'fraud-detection',
    team: 'risk',
    owner: 'amir.haddad@finova.example',
    tier: 1,
    wave: 1,
    plannedDayOffset: -8,
    instrumentedDaysAgo: 8,
    inCatalog: true,
    language: 'python',
    version: '2024.11.2',
    instances: 2,
    sampler: HEAD_SAMPLING,
    clockOffsetsUs: [-38_000, -41_500],
  },
  {
    name: 'merchant-service',
    team: 'merchant-platform',
    owner: 'tomas.novak@finova.example',
    tier: 2,
    wave: 2,
    plannedDayOffset: -4,
    instrumentedDaysAgo: 4,
    inCatalog: true,
    language: 'java',
    version: '1.9.12',
    instances: 2,
    sampler: HEAD_SAMPLING,
    omitsHttpRoute: true,
  },
  // One ledger host runs fast: its spans end after the client spans that called them.
  {
    name: 'ledger-service',
    team: 'payments-core',
    owner: 'diego.alvarez@finova.example',
    tier: 1,
    wave: 2,
    plannedDayOffset: -6,
    instrumentedDaysAgo: 6,
    inCatalog: true,
    language: 'go',
    version: '3.3.0',
    instances: 3,
    sampler: HEAD_SAMPLING,
    clockOffsetsUs: [0, 27_000, 0],
  },
  {
    name: 'exchange-rate-service',
    team: 'treasury',
    owner: 'ines.carvalho@finova.example',
    tier: 2,
    wave: 2,
    plannedDayOffset: -5,
    instrumentedDaysAgo: 5,
    inCatalog: true,
    language: 'go',
    version: '1.2.7',
    instances: 2,
    sampler: HEAD_SAMPLING,
  },
  {
    name: 'risk-scoring-service',
    team: 'risk',
    owner: 'amir.haddad@finova.example',
    tier: 2,
    wave: 2,
    plannedDayOffset: -5,
    instrumentedDaysAgo: 4,
    inCatalog: true,
    language: 'java',
    version: '0.42.0',
    instances: 2,
    sampler: HEAD_SAMPLING,
  },
  // Vendor webhooks arrive straight at kyc-service; it samples half of them itself.
  {
    name: 'kyc-service',
    team: 'compliance',
    owner: 'grace.mensah@finova.example',
    tier: 1,
    wave: 3,
    plannedDayOffset: -3,
    instrumentedDaysAgo: 3,
    inCatalog: true,
    language: 'python',
    version: '1.15.0',
    instances: 2,
    sampler: { type: 'probabilistic', param: 0.5 },
  },
  {
    name: 'notification-service',
    team: 'engagement',
    owner: 'noah.fischer@finova.example',
    tier: 2,
    wave: 2,
    plannedDayOffset: -4,
    instrumentedDaysAgo: 4,
    inCatalog: true,
    language: 'nodejs',
    version: '8.1.1',
    instances: 2,
    sampler: HEAD_SAMPLING,
  },
  {
    name: 'statement-service',
    team: 'core-banking',
    owner: 'priya.raman@finova.example',
    tier: 3,
    wave: 3,
    plannedDayOffset: -3,
    instrumentedDaysAgo: 3,
    inCatalog: true,
    language: 'python',
    version: '0.8.0',
    instances: 1,
    sampler: HEAD_SAMPLING,
    legacyHttpSemconv: true,
  },
  {
    name: 'audit-log-service',
    team: 'compliance',
    owner: 'grace.mensah@finova.example',
    tier: 2,
    wave: 3,
    plannedDayOffset: -2,
    instrumentedDaysAgo: 2,
    inCatalog: true,
    language: 'go',
    version: '2.0.1',
    instances: 2,
    sampler: HEAD_SAMPLING,
  },
  {
    name: 'predictive-analytics',
    team: 'data-science',
    owner: 'elena.petrova@finova.example',
    tier: 3,
    wave: 0,
    plannedDayOffset: -21,
    instrumentedDaysAgo: 21,
    inCatalog: true,
    language: 'python',
    version: '0.3.1',
    instances: 2,
    sampler: HEAD_SAMPLING,
  },
  {
    name: 'loan-service',
    team: 'lending',
    owner: 'kwame.boateng@finova.example',
    tier: 2,
    wave: 3,
    plannedDayOffset: -3,
    instrumentedDaysAgo: null,
    inCatalog: true,
    language: 'java',
    version: '1.0.6',
    instances: 2,
    sampler: HEAD_SAMPLING,
  },
  {
    name: 'reporting-service',
    team: 'data-platform',
    owner: 'elena.petrova@finova.example',
    tier: 3,
    wave: 3,
    plannedDayOffset: -1,
    instrumentedDaysAgo: null,
    inCatalog: true,
    language: 'python',
    version: '2.2.0',
    instances: 1,
    sampler: HEAD_SAMPLING,
  },
  {
    name: 'document-service',
    team: 'compliance',
    owner: 'grace.mensah@finova.example',
    tier: 3,
    wave: 3,
    plannedDayOffset: -2,
    instrumentedDaysAgo: null,
    inCatalog: true,
    language: 'nodejs',
    version: '0.11.4',
    instances: 1,
    sampler: HEAD_SAMPLING,
  },
  {
    name: 'reconciliation-service',
    team: 'payments-ops',
    owner: 'olu.adeyemi@finova.example',
    tier: 2,
    wave: 3,
    plannedDayOffset: 2,
    instrumentedDaysAgo: null,
    inCatalog: true,
    language: 'go',
    version: '0.4.0',
    instances: 1,
    sampler: { type: 'const', param: 1 },
  },
  // Instrumented by its team without telling anyone: emits traces, absent from the catalog.
  {
    name: 'sanctions-screening-service',
    team: 'compliance',
    owner: 'grace.mensah@finova.example',
    tier: 2,
    wave: 3,
    plannedDayOffset: 0,
    instrumentedDaysAgo: 4,
    inCatalog: false,
    language: 'go',
    version: '0.2.0',
    instances: 1,
    sampler: HEAD_SAMPLING,
  },
]

const byName = new Map(FLEET.map((service, index) => [service.name, index]))

/** Index of a service in FLEET; throws on a name the fleet does not have. */
export function fleetIndex(name: string): number {
  const index = byName.get(name)
  if (index === undefined) throw new Error(`unknown fleet service ${name}`)
  return index
}

export function fleetService(index: number): FleetService {
  const service = FLEET[index]
  if (!service) throw new Error(`no fleet service at index ${index}`)
  return service
}

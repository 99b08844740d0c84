// The inventory catalog of the demo fleet: the services Spanlens expects to trace, with their
// owners and rollout plan. The app seeds its inventory from this in demo mode. Planned dates are
// relative to the rollout anchor, so the catalog is built for the anchor the demo Jaeger runs with.
// sanctions-screening-service emits traces but is deliberately absent (it shows up as "discovered").
import { HANDLERS, type Handler } from './simulator/call-graph'
import { FLEET } from './simulator/fleet'

export type CatalogService = {
  name: string
  team: string
  owner: string
  tier: 1 | 2 | 3
  wave: 1 | 2 | 3
  /** ISO date (YYYY-MM-DD, UTC) the service is planned to emit traces from. */
  plannedDate: string
  /** What the service is expected to serve, named as its entry spans are (`POST /payments`, `process payments.events`). */
  expectedOperations: string[]
}

/** Endpoints on the team's plan that see no traffic yet, so operation coverage stays below 100 %. */
const PLANNED_OPERATIONS: Record<string, string[]> = {
  'account-service': ['GET /accounts/{accountId}/limits'],
  'card-service': ['POST /cards/{cardId}/freeze'],
  'payment-gateway': ['POST /payments/{paymentId}/refunds'],
}

const DAY_MS = 24 * 3600 * 1000

function entryOperation(handler: Handler): string {
  if (handler.kind === 'server') return `${handler.method} ${handler.route}`
  return handler.kind === 'consumer' ? `process ${handler.topic}` : handler.job!
}

export function buildCatalog(anchor: Date): CatalogService[] {
  return FLEET.filter((service) => service.inCatalog).map((service) => ({
    name: service.name,
    team: service.team,
    owner: service.owner,
    tier: service.tier,
    wave: service.wave,
    plannedDate: new Date(anchor.getTime() + service.plannedDayOffset * DAY_MS).toISOString().slice(0, 10),
    expectedOperations: [
      ...HANDLERS.filter((handler) => handler.service === service.name).map(entryOperation),
      ...(PLANNED_OPERATIONS[service.name] ?? []),
    ],
  }))
}

/** The catalog for a demo Jaeger anchored now (its default). */
export const catalog: readonly CatalogService[] = buildCatalog(new Date())

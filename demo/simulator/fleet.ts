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
//
// The service type is fleet-service.ts; the table is in two files, the request path and the back office.
import { BACK_OFFICE_SERVICES } from './fleet-back-office'
import { REQUEST_PATH_SERVICES } from './fleet-request-path'
import type { FleetService } from './fleet-service'

export type { FleetService, Language } from './fleet-service'

/** A service's place in this list is its index everywhere in the simulator (seeds, resources): append only. */
export const FLEET: readonly FleetService[] = [...REQUEST_PATH_SERVICES, ...BACK_OFFICE_SERVICES]

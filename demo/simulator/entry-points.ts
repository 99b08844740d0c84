// Where work enters the call graph (call-graph.ts): the handlers sampled requests arrive at, and the
// batch jobs that run on a schedule. trace-generator.ts picks one of them for each slot.
import { httpKey, jobKey } from './handler'

/** Entry points of sampled traffic, weighted by their share of the fleet's traces per minute. */
export const ENTRY_POINTS: readonly { handler: string; weight: number }[] = [
  { handler: httpKey('api-gateway', 'GET', '/v1/accounts/{accountId}'), weight: 18 },
  { handler: httpKey('api-gateway', 'GET', '/v1/users/me'), weight: 14 },
  { handler: httpKey('api-gateway', 'POST', '/v1/payments'), weight: 12 },
  { handler: httpKey('api-gateway', 'GET', '/v1/transactions'), weight: 14 },
  { handler: httpKey('api-gateway', 'POST', '/v1/cards/{cardId}/authorize'), weight: 10 },
  { handler: httpKey('api-gateway', 'POST', '/v1/onboarding/applications'), weight: 2 },
  { handler: httpKey('api-gateway', 'GET', '/v1/loans/offers'), weight: 4 },
  { handler: httpKey('api-gateway', 'GET', '/v1/reports/{reportId}'), weight: 2 },
  { handler: httpKey('api-gateway', 'GET', '/v1/merchants/{merchantId}'), weight: 6 },
  { handler: httpKey('api-gateway', 'GET', '/v1/statements/{month}'), weight: 3 },
  { handler: httpKey('kyc-service', 'POST', '/webhooks/vendor'), weight: 1.5 },
]

/** Batch jobs: one run every `everyMinutes`, independent of the traffic volume. */
export const SCHEDULED_JOBS: readonly { handler: string; everyMinutes: number }[] = [
  { handler: jobKey('settlement-service', 'settle batch'), everyMinutes: 5 },
  { handler: jobKey('reconciliation-service', 'reconcile ledger'), everyMinutes: 30 },
]

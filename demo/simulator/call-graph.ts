// What each service does when called: its handlers (HTTP routes, message consumers, batch jobs) and
// the steps each runs (downstream HTTP calls, database and cache calls, Kafka publishes, internal work).
// Latencies are medians in ms of a log-normal; `probability` makes a step conditional.
import { handlerKey, type DbStep, type Handler, type HttpMethod, type HttpStep, type Step } from './handler'

const http = (service: string, method: HttpMethod, route: string, extra: Partial<HttpStep> = {}): HttpStep => ({
  type: 'http',
  service,
  method,
  route,
  ...extra,
})
const queryTexts: Record<string, (table: string) => string> = {
  SELECT: (table) => `SELECT * FROM ${table} WHERE id = $1`,
  INSERT: (table) => `INSERT INTO ${table} (id, payload, created_at) VALUES ($1, $2, $3)`,
  UPDATE: (table) => `UPDATE ${table} SET status = $1, updated_at = $2 WHERE id = $3`,
}
const pg = (
  namespace: string,
  operation: 'SELECT' | 'INSERT' | 'UPDATE',
  table: string,
  medianMs: number,
  probability?: number,
): DbStep => ({
  type: 'db',
  system: 'postgresql',
  namespace,
  operation,
  collection: table,
  queryText: queryTexts[operation]!(table),
  medianMs,
  probability,
})
const redis = (operation: 'GET' | 'SET' | 'HGETALL', keyPattern: string, medianMs: number, probability?: number): DbStep => ({
  type: 'db',
  system: 'redis',
  namespace: '0',
  operation,
  queryText: `${operation} ${keyPattern}`,
  medianMs,
  probability,
})
const server = (service: string, method: HttpMethod, route: string, selfMs: number, steps: Step[], errorRate = 0.002): Handler => ({
  service,
  kind: 'server',
  method,
  route,
  selfMs,
  errorRate,
  steps,
})

const AUTH = http('auth-service', 'POST', '/v1/tokens/introspect')

export const HANDLERS: readonly Handler[] = [
  server('api-gateway', 'GET', '/v1/accounts/{accountId}', 1.5, [AUTH, http('account-service', 'GET', '/accounts/{accountId}')]),
  server('api-gateway', 'GET', '/v1/users/me', 1.5, [AUTH, http('user-profile-service', 'GET', '/users/{userId}')]),
  server('api-gateway', 'POST', '/v1/payments', 2, [AUTH, http('payment-gateway', 'POST', '/payments')]),
  server('api-gateway', 'GET', '/v1/transactions', 1.5, [AUTH, http('transactions-service', 'GET', '/transactions')]),
  server('api-gateway', 'POST', '/v1/cards/{cardId}/authorize', 1.5, [AUTH, http('card-service', 'POST', '/authorizations')]),
  server('api-gateway', 'POST', '/v1/onboarding/applications', 2, [http('onboarding-service', 'POST', '/applications')]),
  server('api-gateway', 'GET', '/v1/loans/offers', 1.5, [AUTH, http('loan-service', 'GET', '/offers')]),
  server('api-gateway', 'GET', '/v1/reports/{reportId}', 1.5, [AUTH, http('reporting-service', 'GET', '/reports/{reportId}')]),
  server('api-gateway', 'GET', '/v1/merchants/{merchantId}', 1.5, [AUTH, http('merchant-service', 'GET', '/merchants/{merchantId}')]),
  server('api-gateway', 'GET', '/v1/statements/{month}', 1.5, [AUTH, http('statement-service', 'GET', '/statements/{month}')]),

  {
    ...server(
      'auth-service',
      'POST',
      '/v1/tokens/introspect',
      1.2,
      [redis('GET', 'session:?', 0.4), pg('identity', 'SELECT', 'sessions', 2.5, 0.15)],
      0.001,
    ),
    rejectRate: 0.01,
  },
  server('account-service', 'GET', '/accounts/{accountId}', 2, [
    redis('GET', 'account:?', 0.4),
    pg('accounts', 'SELECT', 'accounts', 3, 0.35),
  ]),
  server('user-profile-service', 'GET', '/users/{userId}', 3, [
    redis('HGETALL', 'profile:?', 0.5),
    pg('profiles', 'SELECT', 'users', 2.8, 0.4),
  ]),
  server('user-profile-service', 'POST', '/users', 3, [pg('profiles', 'INSERT', 'users', 5)]),

  server('payment-gateway', 'POST', '/payments', 4, [
    http('fraud-detection', 'POST', '/v1/score'),
    http('exchange-rate-service', 'GET', '/rates/{pair}', { probability: 0.3, critical: false }),
    http('transactions-service', 'POST', '/transactions'),
    { type: 'external', host: 'api.acquirer.example', method: 'POST', route: '/v2/charges', medianMs: 180 },
    {
      type: 'publish',
      topic: 'payments.events',
      consumers: ['notification-service process payments.events', 'audit-log-service process payments.events'],
    },
  ]),
  server('fraud-detection', 'POST', '/v1/score', 6, [
    redis('HGETALL', 'features:?', 0.5),
    { type: 'internal', name: 'evaluate rules', medianMs: 9 },
    http('risk-scoring-service', 'GET', '/risk/{accountId}'),
    http('predictive-analytics', 'POST', '/v1/predict', { probability: 0.4, critical: false }),
  ]),
  server('risk-scoring-service', 'GET', '/risk/{accountId}', 3, [
    redis('GET', 'risk:?', 0.4),
    pg('risk', 'SELECT', 'risk_profiles', 4, 0.6),
  ]),
  server('predictive-analytics', 'POST', '/v1/predict', 30, [redis('GET', 'model:?', 0.6)]),
  server('transactions-service', 'POST', '/transactions', 3, [
    pg('transactions', 'SELECT', 'transactions', 3.5),
    pg('transactions', 'INSERT', 'transactions', 4),
    http('ledger-service', 'POST', '/entries'),
    http('exchange-rate-service', 'GET', '/rates/{pair}', { probability: 0.2, critical: false }),
  ]),
  server('transactions-service', 'GET', '/transactions', 2.5, [
    pg('transactions', 'SELECT', 'transactions', 3.5),
    http('exchange-rate-service', 'GET', '/rates/{pair}', { probability: 0.3, critical: false }),
  ]),
  server('ledger-service', 'POST', '/entries', 1.5, [pg('ledger', 'INSERT', 'ledger_entries', 3), pg('ledger', 'UPDATE', 'balances', 2.5)]),
  server('ledger-service', 'GET', '/balances/{accountId}', 1, [pg('ledger', 'SELECT', 'balances', 2)]),
  server('card-service', 'POST', '/authorizations', 3, [
    pg('cards', 'SELECT', 'cards', 2),
    http('fraud-detection', 'POST', '/v1/score'),
    http('ledger-service', 'POST', '/entries'),
  ]),
  server('exchange-rate-service', 'GET', '/rates/{pair}', 0.6, [redis('GET', 'rate:?', 0.3)], 0.001),

  server('onboarding-service', 'POST', '/applications', 8, [
    http('user-profile-service', 'POST', '/users'),
    http('kyc-service', 'POST', '/checks'),
    { type: 'publish', topic: 'onboarding.events', consumers: ['notification-service process onboarding.events'] },
  ]),
  server('kyc-service', 'POST', '/checks', 5, [
    pg('kyc', 'INSERT', 'kyc_checks', 4),
    http('sanctions-screening-service', 'POST', '/screen'),
    http('document-service', 'POST', '/documents/verify', { probability: 0.6 }),
  ]),
  {
    ...server('kyc-service', 'POST', '/webhooks/vendor', 3, [
      pg('kyc', 'UPDATE', 'kyc_checks', 3),
      { type: 'publish', topic: 'kyc.events', consumers: ['notification-service process kyc.events'] },
    ]),
    foreignParentShare: 0.01,
  },
  server('sanctions-screening-service', 'POST', '/screen', 2, [
    redis('GET', 'watchlist:version', 0.3),
    { type: 'internal', name: 'match watchlists', medianMs: 25 },
  ]),
  server('document-service', 'POST', '/documents/verify', 10, [
    { type: 'external', host: 'api.docscan.example', method: 'POST', route: '/v1/verify', medianMs: 250 },
  ]),

  server('merchant-service', 'GET', '/merchants/{merchantId}', 3, [
    redis('GET', 'merchant:?', 0.4),
    pg('merchants', 'SELECT', 'merchants', 3, 0.4),
  ]),
  server('statement-service', 'GET', '/statements/{month}', 20, [pg('statements', 'SELECT', 'statements', 35)]),
  server('loan-service', 'GET', '/offers', 15, [pg('lending', 'SELECT', 'loan_offers', 6)]),
  server('reporting-service', 'GET', '/reports/{reportId}', 12, [
    {
      type: 'db',
      system: 'clickhouse',
      namespace: 'analytics',
      operation: 'SELECT',
      collection: 'report_rows',
      queryText: 'SELECT * FROM report_rows WHERE report_id = ?',
      medianMs: 250,
    },
  ]),

  {
    service: 'notification-service',
    kind: 'consumer',
    topic: 'payments.events',
    selfMs: 2,
    errorRate: 0.002,
    dropsTraceIdShare: 0.015,
    steps: [
      pg('notifications', 'SELECT', 'notification_preferences', 2),
      {
        type: 'external',
        host: 'api.mailer.example',
        method: 'POST',
        route: '/v3/mail/send',
        medianMs: 90,
        probability: 0.6,
        critical: false,
      },
    ],
  },
  {
    service: 'notification-service',
    kind: 'consumer',
    topic: 'onboarding.events',
    selfMs: 2,
    errorRate: 0.002,
    steps: [
      pg('notifications', 'SELECT', 'notification_preferences', 2),
      { type: 'external', host: 'api.mailer.example', method: 'POST', route: '/v3/mail/send', medianMs: 90, critical: false },
    ],
  },
  {
    service: 'notification-service',
    kind: 'consumer',
    topic: 'kyc.events',
    selfMs: 2,
    errorRate: 0.002,
    steps: [pg('notifications', 'SELECT', 'notification_preferences', 2)],
  },
  {
    service: 'audit-log-service',
    kind: 'consumer',
    topic: 'payments.events',
    selfMs: 1,
    errorRate: 0.001,
    steps: [pg('audit', 'INSERT', 'audit_events', 2.5)],
  },

  {
    service: 'settlement-service',
    kind: 'job',
    job: 'settle batch',
    selfMs: 50,
    errorRate: 0.01,
    steps: [http('ledger-service', 'GET', '/balances/{accountId}', { times: [3, 6] }), pg('settlement', 'INSERT', 'settlements', 8)],
  },
  {
    service: 'reconciliation-service',
    kind: 'job',
    job: 'reconcile ledger',
    selfMs: 400,
    errorRate: 0.01,
    steps: [pg('reconciliation', 'SELECT', 'ledger_snapshots', 120)],
  },
]

const byKey = new Map(HANDLERS.map((handler) => [handlerKey(handler), handler]))

export function getHandler(key: string): Handler {
  const handler = byKey.get(key)
  if (!handler) throw new Error(`no handler ${key}`)
  return handler
}

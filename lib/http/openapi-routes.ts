// What /api/v1 offers, route by route, for lib/http/openapi.ts: each route's path, method, schemas and
// the errors particular to it. Add a route here when you add one under app/api/v1 (alerting routes:
// openapi-alerting-routes.ts).
import { z } from 'zod'
import {
  operationNameParam,
  operationQueryParams,
  operationViewSchema,
  serviceNameParam,
  servicesViewSchema,
  serviceViewSchema,
} from '@/lib/latency/schemas'
import { incidentInput, pagerDutyEnvelopeSchema } from '@/lib/incidents/schemas'
import {
  overheadK6Input,
  overheadMeasurementInput,
  overheadMeasurementListSchema,
  overheadMeasurementQuery,
  overheadMeasurementSchema,
} from '@/lib/overhead/schemas'
import { catalogImportBody, catalogImportResponseSchema } from '@/lib/inventory/schemas'
import { syncStatusResponseSchema } from '@/lib/sync/schemas'
import { timeRangeParams } from '@/lib/time-range/time-range'

export type RouteDoc = {
  path: string
  /** get unless said. */
  method?: 'get' | 'post' | 'put' | 'patch' | 'delete'
  summary: string
  description?: string
  pathParams?: Record<string, z.ZodType>
  query?: z.ZodType
  /** The success answer's JSON; absent when it has none (204). */
  response?: { name: string; schema: z.ZodType }
  /** A JSON request body (writes). */
  body?: { name: string; schema: z.ZodType }
  /** Token mode (lib/http/define-route.ts): an API token with this scope may call it too. */
  tokenScope?: string
  /** A POST that answers 200 (it may create nothing), not 201; or a write that answers 204, with no body. */
  okStatus?: '200' | '204'
  /** Error answers particular to the route, over the shared ones. */
  errors?: Record<string, { description: string }>
}

const NOT_IN_INVENTORY = {
  description: 'The service is not in the inventory: `{ error: "unprocessable", issues: [{ path: "service", message }] }`',
}

export const ROUTES: RouteDoc[] = [
  {
    path: '/api/v1/services',
    summary: 'Every inventory and discovered service over a time range',
    description:
      'Request rate, error rate, p95 against its baseline, slow operations, trace quality and "data as of" per service. A range is `range` (a preset) or `from` and `to` (ISO instants, both).',
    query: timeRangeParams,
    response: { name: 'ServicesView', schema: servicesViewSchema },
  },
  {
    path: '/api/v1/services/{service}/latency',
    summary: "One service's latency over a time range",
    description:
      'Entry-span (server, consumer) RED series with the baseline p95 band, its operations with their verdicts, trace quality, coverage, callers and callees.',
    pathParams: { service: serviceNameParam },
    query: timeRangeParams,
    response: { name: 'ServiceView', schema: serviceViewSchema },
  },
  {
    path: '/api/v1/services/{service}/operations/{operation}/latency',
    summary: "One operation's latency over a time range",
    description:
      'Series with the baseline p95 band, the verdict and the latency distribution of the range. `kind` picks a span kind when the operation name has several.',
    pathParams: { service: serviceNameParam, operation: operationNameParam },
    query: operationQueryParams,
    response: { name: 'OperationView', schema: operationViewSchema },
  },
  {
    path: '/api/v1/sync-status',
    summary: 'Sync status of every service',
    response: { name: 'SyncStatus', schema: syncStatusResponseSchema },
  },
  {
    path: '/api/v1/overhead-measurements',
    summary: 'Overhead measurements, newest first',
    description: 'Latency with tracing on vs off, as recorded. `service` keeps one service.',
    query: overheadMeasurementQuery,
    response: { name: 'OverheadMeasurementList', schema: overheadMeasurementListSchema },
  },
  {
    path: '/api/v1/overhead-measurements',
    method: 'post',
    summary: 'Record an overhead measurement',
    description:
      'p50 and p95 (and optionally the mean) of each arm, in ms, with sample sizes, method and environment. The overhead is mean on − off when both means are given, else p50 on − off. The service must be in the inventory (422 naming `service` otherwise). Answers 201 with `{ measurement }`.',
    body: { name: 'OverheadMeasurementInput', schema: overheadMeasurementInput },
    response: { name: 'OverheadMeasurementCreated', schema: z.object({ measurement: overheadMeasurementSchema }) },
    tokenScope: 'overhead.write',
    errors: { '422': NOT_IN_INVENTORY },
  },
  {
    path: '/api/v1/overhead-measurements/k6',
    method: 'post',
    summary: 'Record an overhead measurement from two k6 summaries',
    description:
      '`on` and `off` are the end-of-test summaries of a k6 run with tracing on and one with it off: the `--summary-export` file or the `handleSummary()` data, as JSON. p50 (`med`), p95, mean (`avg`) of `http_req_duration` and the count of `http_reqs` are read from each; a missing metric is a 400 naming its path (`on.metrics.http_req_duration.med`). `measuredAt` defaults to now and `method` to `load_test`.',
    body: { name: 'OverheadK6Input', schema: overheadK6Input },
    response: { name: 'OverheadMeasurementFromK6', schema: z.object({ measurement: overheadMeasurementSchema, k6: z.unknown() }) },
    tokenScope: 'overhead.write',
    errors: { '422': NOT_IN_INVENTORY },
  },
  {
    path: '/api/v1/inventory/import',
    method: 'post',
    summary: 'Import a service catalog, all or nothing',
    description:
      'The catalog file as text in `content`: our YAML or CSV, or Backstage catalog-info.yaml (`kind: Component`, the Jaeger name from the `spanlens.io/jaeger-service` annotation or `metadata.name`). Services are matched by Jaeger name; fields the file leaves out keep their value; a discovered service named in the file joins the inventory; `retireMissing` retires inventory services the file does not list (never deletes them). `dryRun` only reports what would change. Answers 200 with the counts and each change; audited.',
    body: { name: 'CatalogImportBody', schema: catalogImportBody },
    response: { name: 'CatalogImportResult', schema: catalogImportResponseSchema },
    tokenScope: 'inventory.write',
    okStatus: '200',
    errors: {
      '422': {
        description:
          'The file has problems, and nothing was imported: `{ error: "invalid_catalog", message, format, issues: [{ line, path, message }] }`, every problem with its 1-based line (null for the file as a whole) and field',
      },
    },
  },
]

/** Machine posts signed with an HMAC of the raw body instead of a session (define-route's webhook mode). */
export type WebhookDoc = {
  path: string
  summary: string
  description: string
  header: string
  scheme: string
  body: { name: string; schema: z.ZodType }
}

export const WEBHOOKS: WebhookDoc[] = [
  {
    path: '/api/v1/webhooks/pagerduty',
    summary: 'PagerDuty v3 webhook: incident triggered, acknowledged, resolved',
    description:
      'Point a PagerDuty v3 webhook subscription here. `X-PagerDuty-Signature: v1=<hex HMAC-SHA256 of the raw body>` with a secret from `PAGERDUTY_WEBHOOK_SECRETS`. Idempotent by `event.id` (a replay answers 200 and changes nothing); other event types answer 200 `ignored`. The service is matched to the inventory by name, ignoring case; an unknown one is kept as given.',
    header: 'X-PagerDuty-Signature',
    scheme: 'pagerDutySignature',
    body: { name: 'PagerDutyWebhook', schema: pagerDutyEnvelopeSchema },
  },
  {
    path: '/api/v1/webhooks/incidents',
    summary: 'Our signed incident webhook',
    description:
      'One incident as JSON. `X-Spanlens-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` with `INCIDENT_WEBHOOK_SECRET`; `t` within 5 minutes of our clock. Idempotent by (`source`, `id`): created or updated 202, unchanged 200.',
    header: 'X-Spanlens-Signature',
    scheme: 'spanlensSignature',
    body: { name: 'IncidentInput', schema: incidentInput },
  },
]

export const WEBHOOK_RESPONSES = {
  '200': { description: 'Already applied (a replay) or an event we do not read: nothing changed' },
  '202': { description: 'Applied' },
  '400': { description: 'Signed, but the body is not what we read: `{ error: "invalid_input", issues: [{ path, message }] }`' },
  '401': { description: 'Missing or bad signature: nothing was stored' },
  '413': { description: 'Body over 512 KB' },
  '503': { description: 'The receiver is not configured (its secret is unset)' },
}

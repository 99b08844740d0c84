// What /api/v1 offers, route by route, for lib/http/openapi.ts: each route's path, method, schemas and
// the errors particular to it. Add a route here when you add one under app/api/v1.
import { z } from 'zod'
import {
  gettableSilenceSchema,
  postableSilenceBody,
  silenceCreatedSchema,
  silenceIdParams,
  silenceListQuery,
} from '@/lib/alerts/alertmanager-api'
import { prometheusAlertsResponseSchema, prometheusRulesResponseSchema } from '@/lib/alerts/prometheus-api'
import {
  alertRuleInput,
  alertRuleParams,
  alertRuleReplaceBody,
  backtestRequest,
  ruleBacktestSchema,
  rulesImportBody,
  storedAlertRuleSchema,
} from '@/lib/alerts/schemas'
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
import { channelInput, channelParams, channelViewSchema, deliveryLogRowSchema, testDeliverySchema } from '@/lib/notifications/schemas'
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
  {
    path: '/api/v1/rules',
    summary: 'Alert rules and their alerts, as Prometheus serves them',
    description:
      "The JSON of Prometheus' GET /api/v1/rules: one group, each rule with its state, `for` (`duration`, seconds), `keepFiringFor`, labels, annotations, pending and firing alerts, and when it was last evaluated. Spanlens rules have no PromQL: `query` is the condition written out.",
    response: { name: 'PrometheusRules', schema: prometheusRulesResponseSchema },
  },
  {
    path: '/api/v1/rules',
    method: 'post',
    summary: 'Create one alert rule',
    description:
      'The rule as JSON, in the shape the editor saves (durations as `5m` or seconds; fields left out take their defaults), checked as the editor\'s save is: the schema, annotation templates that render, and no clash with a stored rule. Answers 201 with the stored rule (its `id`, `version` 1), `Location: /api/v1/rules/{id}` and `ETag: "1"`. Audited.',
    body: { name: 'AlertRuleInput', schema: alertRuleInput },
    response: { name: 'StoredAlertRule', schema: storedAlertRuleSchema },
    tokenScope: 'alerts.write',
    errors: {
      '409': {
        description:
          'Another rule has this name (in any case), or watches the same signal (condition kind, series, severity and labels), and nothing was saved: `{ error: "conflict", message, issues: [{ path: "name" | "selector", message }] }`',
      },
    },
  },
  {
    path: '/api/v1/rules/{id}',
    summary: 'One alert rule, as stored',
    description: 'The rule with its `id` and `version` (which counts saves; also the `ETag`, `"3"`), in the shape PUT takes back.',
    pathParams: { id: alertRuleParams.shape.id },
    response: { name: 'StoredAlertRule', schema: storedAlertRuleSchema },
    errors: {
      '404': { description: 'No rule with this id' },
      '409': { description: 'The stored rule cannot be read (a damaged or older row): replace it with PUT, or delete it' },
    },
  },
  {
    path: '/api/v1/rules/{id}',
    method: 'put',
    summary: 'Replace one alert rule',
    description:
      'The whole rule, as POST takes it or GET answers (an `id` in the body is ignored), checked as the editor\'s save is; its `version` goes up by one. For optimistic concurrency send the version you read, as `version` in the body or `If-Match: "3"` (the ETag of the GET): if the rule was saved since, 409 and nothing changes. Without either, the last save wins. Answers 200 with the stored rule and its new ETag. Audited.',
    pathParams: { id: alertRuleParams.shape.id },
    body: { name: 'AlertRuleReplaceBody', schema: alertRuleReplaceBody },
    response: { name: 'StoredAlertRule', schema: storedAlertRuleSchema },
    tokenScope: 'alerts.write',
    errors: {
      '404': { description: 'No rule with this id' },
      '409': {
        description:
          'The rule is at another version than the one sent (`issues: [{ path: "version" }]`), or another rule has this name or signal (`name`, `selector`); nothing was saved',
      },
    },
  },
  {
    path: '/api/v1/rules/{id}',
    method: 'delete',
    summary: 'Delete one alert rule',
    description: 'Deletes the rule with its alerts and their state history. Answers 204. Audited.',
    pathParams: { id: alertRuleParams.shape.id },
    tokenScope: 'alerts.write',
    okStatus: '204',
    errors: { '404': { description: 'No rule with this id' } },
  },
  {
    path: '/api/v1/channels',
    summary: 'Notification channels',
    description:
      'Every channel (Alertmanager webhook, Slack incoming webhook, PagerDuty Events v2, signed JSON webhook) with its grouping settings. Secrets are write-only: only `secret.set` and its last characters (`secret.hint`) are shown.',
    response: { name: 'Channels', schema: z.object({ channels: z.array(channelViewSchema) }) },
  },
  {
    path: '/api/v1/channels',
    method: 'post',
    summary: 'Create a notification channel',
    description:
      'Its `type` says what else it needs: `url` (alertmanager, webhook; pagerduty defaults to PagerDuty’s Events API), `secret` (the Slack webhook URL, the PagerDuty routing key, the webhook’s signing key, or an optional bearer token for alertmanager). Grouping as Alertmanager’s route: `groupBy` (default `["alertname"]`; `["..."]` for one message per alert), `groupWait` (30s), `groupInterval` (5m), `repeatInterval` (4h), `sendResolved` (true). Answers 201 with the channel and its Location. Audited (never the secret).',
    body: { name: 'ChannelInput', schema: channelInput },
    response: { name: 'Channel', schema: channelViewSchema },
    tokenScope: 'alerts.write',
    errors: { '409': { description: 'A channel of this name exists (`issues: [{ path: "name" }]`)' } },
  },
  {
    path: '/api/v1/channels/{id}',
    summary: 'One notification channel',
    pathParams: { id: channelParams.shape.id },
    response: { name: 'Channel', schema: channelViewSchema },
    errors: { '404': { description: 'No channel with this id' } },
  },
  {
    path: '/api/v1/channels/{id}',
    method: 'put',
    summary: 'Replace a notification channel',
    description: 'As POST takes it. A missing or empty `secret` keeps the stored one, unless the type changes. Audited.',
    pathParams: { id: channelParams.shape.id },
    body: { name: 'ChannelInput', schema: channelInput },
    response: { name: 'Channel', schema: channelViewSchema },
    tokenScope: 'alerts.write',
    errors: { '404': { description: 'No channel with this id' }, '409': { description: 'Another channel has this name' } },
  },
  {
    path: '/api/v1/channels/{id}',
    method: 'delete',
    summary: 'Delete a notification channel',
    description: 'With its queued notifications and delivery log. Rules naming it notify no one there any more. Answers 204. Audited.',
    pathParams: { id: channelParams.shape.id },
    tokenScope: 'alerts.write',
    okStatus: '204',
    errors: { '404': { description: 'No channel with this id' } },
  },
  {
    path: '/api/v1/channels/{id}/test',
    method: 'post',
    summary: 'Send a test notification now',
    description:
      'One firing alert named SpanlensTestNotification (PagerDuty: triggered, then resolved), sent at once in the channel’s format. Answers 200 with what the receiver did — `ok`, `httpStatus`, `latencyMs`, `error` — which also lands in the delivery log.',
    pathParams: { id: channelParams.shape.id },
    response: { name: 'TestDelivery', schema: testDeliverySchema },
    tokenScope: 'alerts.write',
    okStatus: '200',
    errors: { '404': { description: 'No channel with this id' } },
  },
  {
    path: '/api/v1/channels/{id}/deliveries',
    summary: 'A channel’s delivery log',
    description:
      'Every attempt, newest first: the notification’s reason and group, the attempt number, the receiver’s status, latency and error.',
    pathParams: { id: channelParams.shape.id },
    query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
    response: { name: 'Deliveries', schema: z.object({ deliveries: z.array(deliveryLogRowSchema) }) },
    errors: { '404': { description: 'No channel with this id' } },
  },
  {
    path: '/api/v1/alerts',
    summary: 'Pending and firing alerts, as Prometheus serves them',
    description:
      'The JSON of Prometheus\' GET /api/v1/alerts: labels, annotations, state, activeAt and the value as Prometheus prints it ("5.04e+02").',
    response: { name: 'PrometheusAlerts', schema: prometheusAlertsResponseSchema },
  },
  {
    path: '/api/v1/rules/backtest',
    method: 'post',
    summary: 'Replay a draft alert rule over history',
    description:
      'Evaluates the rule (as the editor has it, unsaved) at every minute of the last 24 h, or every hour of the last 7 or 30 days, as the worker would, and runs the alert states over those values: per matched series, when it would have been pending and firing, how often it would have fired and for how long, and which recorded incidents of those services it would have warned of and how many minutes ahead. Saves nothing.',
    body: { name: 'BacktestRequest', schema: backtestRequest },
    response: { name: 'RuleBacktest', schema: ruleBacktestSchema },
    okStatus: '200',
  },
  {
    path: '/api/v1/rules/import',
    method: 'post',
    summary: 'Import alert rules from a YAML rules file, all or nothing',
    description:
      'The file as text in `content`: the Prometheus rule-file layout (groups → rules with alert, for, keep_firing_for, labels, annotations) with the condition under `spanlens:` instead of PromQL `expr:`. Rules are matched by name: a file rule replaces the stored one (its version goes up), the others are created, rules the file leaves out stay. `dryRun` only reports. Audited.',
    body: { name: 'RulesImportBody', schema: rulesImportBody },
    response: {
      name: 'RulesImportResult',
      schema: z.object({ dryRun: z.boolean(), created: z.array(z.string()), updated: z.array(z.string()), unchanged: z.array(z.string()) }),
    },
    tokenScope: 'alerts.write',
    okStatus: '200',
    errors: {
      '422': {
        description:
          'The file has problems, and nothing was imported: `{ error: "invalid_rules", message, issues: [{ line, column, path, message }] }`, each with its 1-based line',
      },
    },
  },
  {
    path: '/api/v1/silences',
    summary: 'Silences, in the JSON of Alertmanager v2',
    description:
      "Alertmanager's gettableSilence: `id`, `matchers` as `{ name, value, isRegex, isEqual }`, `startsAt`, `endsAt`, `createdBy`, `comment`, `status: { state }` (active, pending or expired). Active ones ending soonest first, then pending ones, then those expired in the last 5 days; `state` keeps one of them. Rows that cannot be read are left out and counted in the `x-unreadable-silences` header.",
    query: silenceListQuery,
    response: { name: 'GettableSilences', schema: z.array(gettableSilenceSchema) },
  },
  {
    path: '/api/v1/silences',
    method: 'post',
    summary: 'Create a silence',
    description:
      'Alertmanager\'s postableSilence: `matchers` as its objects, as a list of `name="value"` texts or as one `{a="b", c=~"d"}` text; regexes match the whole value (RE2 syntax; lookaround and backreferences are refused); at least one matcher must not match the empty string. `startsAt` and `endsAt` are ISO instants with an offset, the end after the start and not yet past. `createdBy` defaults to the signed-in user\'s e-mail or the token\'s name. An `id` (Alertmanager\'s update) is refused: expire the silence and create another. Answers 201 with `{ silenceID }`; audited.',
    body: { name: 'PostableSilence', schema: postableSilenceBody },
    response: { name: 'SilenceCreated', schema: silenceCreatedSchema },
    tokenScope: 'alerts.write',
  },
  {
    path: '/api/v1/silences/{id}',
    method: 'delete',
    summary: 'Expire a silence now',
    description:
      'Its end becomes now (and its start too, when it had not begun), as Alertmanager does: matching alerts notify again. One already over is left as it was. Answers 200 with the silence as it is now; audited.',
    pathParams: { id: silenceIdParams.shape.id },
    response: { name: 'GettableSilence', schema: gettableSilenceSchema },
    tokenScope: 'alerts.write',
    errors: { '404': { description: 'No silence with this id' } },
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

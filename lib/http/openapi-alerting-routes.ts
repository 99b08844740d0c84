// The alerting part of /api/v1 for lib/http/openapi.ts (after the routes of openapi-routes.ts): alert
// rules and their alerts, notification channels and silences. Add an alerting route here when you add one.
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
import { channelInput, channelParams, channelViewSchema, deliveryLogRowSchema, testDeliverySchema } from '@/lib/notifications/schemas'
import type { RouteDoc } from './openapi-routes'

export const ALERTING_ROUTES: RouteDoc[] = [
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

// Alert rules and the alerts they raise (DESIGN.md: "alert rule", "channel", "silence"). One schema per
// shape: the editor, the YAML import, the API and the worker all parse with these.
//
//   rule      kind + condition, selector (service, operation glob, span kind), window, for,
//             keep_firing_for, minimum traffic, severity, labels, annotations (mustache), channels
//   series    what a rule matches: one service, one (service, operation, span kind), or for canary
//             rules one deployment in progress, (service, version)
//   alert     one instance per matched series, told apart by its fingerprint (a hash of its labels);
//             states follow Prometheus: pending → firing → inactive (resolved, kept for a while)
import { z } from 'zod'
import { SPAN_KINDS } from '@/lib/traces/span'
import { formatPrometheusDuration, parsePrometheusDuration } from '@/lib/time/prometheus-duration'
import { multiLineText, singleLineText } from '@/lib/text/plain-text'

export const RULE_KINDS = [
  'latency_threshold',
  'latency_baseline',
  'error_rate',
  'trace_reliability',
  'no_data',
  'canary_regression',
] as const
export type RuleKind = (typeof RULE_KINDS)[number]

export const SEVERITIES = ['critical', 'warning', 'info'] as const
export type Severity = (typeof SEVERITIES)[number]

export const PERCENTILES = ['p50', 'p95', 'p99'] as const
export type Percentile = (typeof PERCENTILES)[number]

/** A duration as Prometheus writes it ("10m", "1h30m"), kept as whole seconds. */
export const durationSchema = ({ max = 30 * 86_400, min = 0 }: { max?: number; min?: number } = {}) =>
  z.union([z.string(), z.number()], { error: 'expected a duration such as 5m or 1h30m' }).transform((value, context) => {
    const seconds = typeof value === 'number' ? value : parsePrometheusDuration(value.trim())
    if (seconds === null || !Number.isInteger(seconds)) {
      context.addIssue({ code: 'custom', message: 'expected a duration such as 30s, 5m or 1h30m' })
      return z.NEVER
    }
    if (seconds < min) context.addIssue({ code: 'custom', message: `at least ${formatPrometheusDuration(min)}` })
    if (seconds > max) context.addIssue({ code: 'custom', message: `at most ${formatPrometheusDuration(max)}` })
    return seconds
  })

/** Prometheus label names; `__`-prefixed names are reserved there and here. */
export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/
export const labelNameSchema = z
  .string()
  .regex(LABEL_NAME, 'a label name is letters, digits and _, not starting with a digit')
  .refine((name) => !name.startsWith('__'), 'names starting with __ are reserved')

/** Labels every alert carries from its series and rule; a rule's own labels may not set them. */
export const RESERVED_LABELS = ['alertname', 'service', 'operation', 'span_kind', 'severity'] as const
/** Labels a canary_regression alert carries from its deployment, besides service. */
export const CANARY_LABELS = ['version', 'baseline_version'] as const

/** Kinds whose series are whole services (or their deployments): no operation or span kind to select. */
const WHOLE_SERVICE_KINDS = ['trace_reliability', 'no_data', 'canary_regression'] as const satisfies readonly RuleKind[]
export const watchesWholeServices = (kind: string) => (WHOLE_SERVICE_KINDS as readonly string[]).includes(kind)

/** Prometheus expands templates in label values; ours are kept as written, and they make the alert's fingerprint. */
const labelValueSchema = singleLineText({ max: 200, what: 'a label value' }).refine(
  (value) => !value.includes('{{'),
  'label values are not templates; use an annotation',
)

const labelsSchema = z
  .record(labelNameSchema, labelValueSchema)
  .superRefine((labels, context) => {
    for (const name of Object.keys(labels))
      if ((RESERVED_LABELS as readonly string[]).includes(name))
        context.addIssue({ code: 'custom', path: [name], message: `${name} is set by Spanlens from the rule and its series` })
  })
  .refine((labels) => Object.keys(labels).length <= 20, 'at most 20 labels')

/** Annotations are mustache templates over the alert ({{labels.service}}, {{value}}, {{threshold}}). */
const annotationsSchema = z
  .record(labelNameSchema, multiLineText({ max: 2000, what: 'an annotation' }))
  .refine((annotations) => Object.keys(annotations).length <= 20, 'at most 20 annotations')

/** Which series a rule watches. `operation` is a glob (picomatch): "GET /api/*", "*" or absent for all. */
export const selectorSchema = z.object({
  service: singleLineText({ max: 200, what: 'a service (or * for every service)' }),
  operation: singleLineText({ max: 500, what: 'an operation glob' }).optional(),
  spanKind: z.enum(SPAN_KINDS).optional(),
})
export type Selector = z.infer<typeof selectorSchema>

const ratio = (what: string) =>
  z
    .number({ error: `expected ${what} between 0 and 1` })
    .min(0)
    .max(1)
const positive = (what: string) => z.number({ error: `expected ${what}` }).positive(`${what} must be above 0`)

/** What makes a series' value bad, per kind. Values: ms for latency, a ratio 0..1 for shares. */
export const conditionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('latency_threshold'), percentile: z.enum(PERCENTILES), aboveMs: positive('a latency in ms') }),
  z.object({
    kind: z.literal('latency_baseline'),
    // p95 above `factor` × the baseline p95 for that hour, or the deviation score above `deviation`.
    factor: z.number().min(1, 'a factor of at least 1').max(100).optional(),
    deviation: z.number().positive().max(100).optional(),
  }),
  z.object({ kind: z.literal('error_rate'), above: ratio('an error rate') }),
  z.object({ kind: z.literal('trace_reliability'), below: ratio('a complete-trace share') }),
  // Silent for this long: no spans from a series that had spans before.
  z.object({ kind: z.literal('no_data'), silentFor: durationSchema({ min: 60, max: 7 * 86_400 }) }),
  // A deployment in progress whose canary lib/canary's stage judges `fail` (its verdict, kept on the deployment).
  z.object({ kind: z.literal('canary_regression') }),
  // Generated from an SLO (lib/slo/slo-rules.ts) and judged by its stage: the SLO's long and short windows
  // both burning its error budget at `factor` or faster. Never written by hand: saveAlertRule refuses it.
  z.object({
    kind: z.literal('slo_burn_rate'),
    slo: singleLineText({ max: 63, what: 'an SLO name' }),
    tier: z.enum(['page_fast', 'page_slow', 'ticket_fast', 'ticket_slow']),
    factor: positive('a burn-rate factor'),
    longWindow: durationSchema({ min: 60, max: 90 * 86_400 }),
    shortWindow: durationSchema({ min: 60, max: 90 * 86_400 }),
  }),
])
export type Condition = z.infer<typeof conditionSchema>

export const alertRuleInput = z
  .object({
    name: singleLineText({ max: 120, what: 'a rule name' }),
    enabled: z.boolean().default(true),
    condition: conditionSchema,
    selector: selectorSchema,
    /** The window a value is computed over at each evaluation (p95 over the last 5 minutes). */
    window: durationSchema({ min: 60, max: 86_400 }).default(300),
    for: durationSchema({ max: 86_400 }).default(0),
    keepFiringFor: durationSchema({ max: 86_400 }).default(0),
    /** Below this many spans in the window the series has no value (no alert on 3 requests). */
    minSpans: z.number().int().min(0).max(1_000_000).default(0),
    severity: z.enum(SEVERITIES).default('warning'),
    labels: labelsSchema.default({}),
    annotations: annotationsSchema.default({}),
    /** Channel names notified when this rule's alerts fire and resolve. */
    channels: z
      .array(singleLineText({ max: 100, what: 'a channel name' }))
      .max(10)
      .default([]),
  })
  .superRefine((rule, context) => {
    if (rule.condition.kind === 'latency_baseline' && rule.condition.factor === undefined && rule.condition.deviation === undefined)
      context.addIssue({ code: 'custom', path: ['condition', 'factor'], message: 'give a factor of the baseline or a deviation score' })
    if (watchesWholeServices(rule.condition.kind) && rule.selector.operation !== undefined)
      context.addIssue({ code: 'custom', path: ['selector', 'operation'], message: `a ${rule.condition.kind} rule watches whole services` })
    if (rule.condition.kind === 'canary_regression') {
      if (rule.selector.spanKind !== undefined)
        context.addIssue({ code: 'custom', path: ['selector', 'spanKind'], message: 'a canary_regression rule watches whole services' })
      for (const name of CANARY_LABELS)
        if (Object.hasOwn(rule.labels, name))
          context.addIssue({ code: 'custom', path: ['labels', name], message: `${name} is set by Spanlens from the deployment` })
    }
  })
export type AlertRuleInput = z.input<typeof alertRuleInput>
export type AlertRule = z.output<typeof alertRuleInput>

/** A rule as stored and served (GET /api/v1/rules/{id}): the rule, its id, and its version, which counts saves from 1. */
export const storedAlertRuleSchema = alertRuleInput.safeExtend({ id: z.uuid(), version: z.number().int().min(1) })
export type StoredAlertRule = z.output<typeof storedAlertRuleSchema>

/** The path of one rule (/api/v1/rules/{id}). */
export const alertRuleParams = z.object({ id: z.uuid({ error: 'not an alert rule id (a UUID)' }) })

/**
 * PUT /api/v1/rules/{id}: the rule that replaces it, in the shape GET answers with. `version`, when sent
 * (or as If-Match), must be the stored one, else 409: someone saved in between. An `id` is ignored; the path names the rule.
 */
export const alertRuleReplaceBody = alertRuleInput.safeExtend({
  version: z.number({ error: 'expected the version you read, a whole number' }).int().min(1).optional(),
})

/** The rule page's delete form: the rule, and the confirmation step's field. */
export const deleteAlertRuleForm = z.object({
  id: z.uuid({ error: 'not an alert rule id' }),
  confirm: z.literal('delete', { error: 'confirm the deletion first' }),
})

/** Prometheus alert states; `inactive` with `resolvedAt` is a resolved alert kept for resending. */
export const ALERT_STATES = ['pending', 'firing', 'inactive'] as const
export type AlertState = (typeof ALERT_STATES)[number]

export type Labels = Readonly<Record<string, string>>

/** One alert: a rule's instance for one matched series. Times are epoch milliseconds. */
export type Alert = {
  fingerprint: string
  labels: Labels
  annotations: Labels
  state: AlertState
  /** The value at the last evaluation where the condition held. */
  value: number
  activeAt: number
  firedAt: number | null
  resolvedAt: number | null
  lastSentAt: number | null
  /** Set while firing on keep_firing_for after the condition stopped holding. */
  keepFiringSince: number | null
}

/** How far back a backtest replays a rule, and at what step (7 d and 30 d read hourly rollups). */
export const BACKTEST_RANGES = {
  '24h': { rangeSeconds: 86_400, stepSeconds: 60 },
  '7d': { rangeSeconds: 7 * 86_400, stepSeconds: 3_600 },
  '30d': { rangeSeconds: 30 * 86_400, stepSeconds: 3_600 },
} as const
export type BacktestRange = keyof typeof BACKTEST_RANGES

export const backtestRequest = z.object({
  rule: alertRuleInput,
  range: z.enum(Object.keys(BACKTEST_RANGES) as [BacktestRange, ...BacktestRange[]]).default('24h'),
})

const interval = z.object({ startMs: z.number(), endMs: z.number() })

/** What a draft rule would have done: per matched series its pending and firing intervals, and the incidents it would have warned of. */
export const ruleBacktestSchema = z.object({
  range: z.enum(Object.keys(BACKTEST_RANGES) as [BacktestRange, ...BacktestRange[]]),
  fromMs: z.number(),
  toMs: z.number(),
  stepSeconds: z.number(),
  /** The window each step's value covers: the rule's, or the step when the step is longer (hourly rollups). */
  windowSeconds: z.number(),
  threshold: z.number(),
  unit: z.enum(['ms', 'ratio', 'factor', 'deviation', 'minutes', 'burn_rate', 'failing_metrics']),
  matchedSeries: z.number(),
  firedCount: z.number(),
  firingMinutes: z.number(),
  firingSeries: z.number(),
  /** The series that fired most (and, when none fired, the ones closest to), with their values over the range. */
  series: z.array(
    z.object({
      labels: z.record(z.string(), z.string()),
      fingerprint: z.string(),
      firedCount: z.number(),
      firingMinutes: z.number(),
      pending: z.array(interval),
      firing: z.array(interval),
      /** [epoch ms, value or null when the series had no value at that step] */
      points: z.array(z.tuple([z.number(), z.number().nullable()])),
    }),
  ),
  incidents: z.array(
    z.object({
      id: z.string(),
      title: z.string().nullable(),
      service: z.string(),
      startedAt: z.number(),
      caught: z.boolean(),
      leadMinutes: z.number().nullable(),
    }),
  ),
  serverMs: z.number(),
})
export type RuleBacktest = z.infer<typeof ruleBacktestSchema>

/** The editor's post: the rule as JSON (the API's shape, parsed by the action so issues keep their paths) and the id it replaces. */
export const saveAlertRuleForm = z.object({
  id: z
    .union([z.uuid(), z.literal('')])
    .optional()
    .transform((id) => id || undefined),
  rule: z.string().max(100_000, 'the rule is too large'),
})

/** A rules file sent as JSON text (POST /api/v1/rules/import), with `dryRun` to see what would change. */
export const rulesImportBody = z.object({
  content: z.string({ error: 'expected the rules file as text in content' }).max(512 * 1024, 'at most 512 KB'),
  dryRun: z.boolean().default(false),
})

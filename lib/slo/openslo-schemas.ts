// OpenSLO v1 as written (github.com/OpenSLO/OpenSLO, README "Specification"), checked as its reference
// validator checks it (OpenSLO/go-sdk pkg/openslo/v1). Unknown keys pass, as in go-sdk: the spec is made to be
// extended. Where go-sdk is stricter than we need to read an SLO (description ≤ 1050 characters, displayName ≤ 63),
// the SLO schema (schemas.ts) decides instead, so what Spanlens exports it reads back.
import { z } from 'zod'
import { LABEL_NAME } from '@/lib/alerts/schemas'
import { isTimeZone, sloNameSchema } from './schemas'

export const OPENSLO_API_VERSION = 'openslo/v1'
export const OPENSLO_KINDS = ['SLO', 'SLI', 'AlertPolicy', 'AlertCondition', 'AlertNotificationTarget', 'Service', 'DataSource'] as const
export type OpenSloKind = (typeof OPENSLO_KINDS)[number]

/** duration-shorthand: a whole number and one unit, m h d w M Q Y (m is minutes, M months). */
export const DURATION_SHORTHAND = /^(\d+)([mhdwMQY])$/
/** calendar.startTime: "2020-01-21 12:30:00", no zone (Go's time.DateTime layout). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/
const LABEL_KEY = /^[a-zA-Z0-9]([-._a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/
const ANNOTATION_KEY =
  /^([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*\/)?[a-zA-Z0-9]([-._a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/

/** An optional key; YAML's `key:` with nothing after it (null) counts as absent, as Go reads it. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => value ?? undefined, schema.optional())

const text = z.string({ error: 'expected text' })
const scalar = z.union([z.string(), z.number(), z.boolean()], { error: 'expected text' })
const durationShorthandSchema = text.regex(DURATION_SHORTHAND, 'expected a duration such as 28d, 2w or 1M (m is minutes, M months)')
const operatorSchema = z.enum(['lt', 'lte', 'gt', 'gte'], { error: 'op is one of lt, lte, gt, gte' })
/** A DNS label (RFC 1123), as every metadata.name and reference is. */
const objectName = sloNameSchema
export const MAX_NAME = 63

/** Text as a DNS label of at most `max` characters ("Ops Slack" → ops-slack); empty when nothing of it is left. */
export const toDnsLabel = (text: string, max = MAX_NAME) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '')

export const metadataSchema = z.object({
  name: objectName,
  displayName: optional(text),
  /** A label's value is one text or a list of them. Prometheus label names pass too (_internal): Spanlens exports alert labels here. */
  labels: optional(
    z.record(
      text.refine((key) => LABEL_KEY.test(key) || LABEL_NAME.test(key), 'not a label key: letters, digits, -, _ and ., at most 63'),
      z.union([scalar, z.array(scalar)], { error: 'expected text or a list' }),
    ),
  ),
  annotations: optional(z.record(text.regex(ANNOTATION_KEY, 'not an annotation key (prefix/name)'), scalar)),
})
export type OpenSloMetadata = z.output<typeof metadataSchema>

const metricSourceSchema = z.object({
  metricSourceRef: optional(objectName),
  type: optional(text),
  spec: z
    .record(text, z.unknown(), { error: 'metricSource.spec is required: what the data source is asked (a query, …)' })
    .refine((spec) => Object.keys(spec).length > 0, 'metricSource.spec is required: what the data source is asked (a query, …)'),
})
export type MetricSource = z.output<typeof metricSourceSchema>
const metricSpecSchema = z.object({ metricSource: metricSourceSchema })

const ratioMetricSchema = z
  .object({
    counter: optional(z.boolean()),
    good: optional(metricSpecSchema),
    bad: optional(metricSpecSchema),
    total: optional(metricSpecSchema),
    rawType: optional(z.enum(['success', 'failure'], { error: 'rawType is success or failure' })),
    raw: optional(metricSpecSchema),
  })
  .superRefine((ratio, context) => {
    const issue = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message })
    if ((ratio.total === undefined) === (ratio.raw === undefined)) issue('total', 'give total (with good or bad) or raw, not both')
    if (ratio.total && (ratio.good === undefined) === (ratio.bad === undefined)) issue('good', 'give good or bad (with total), not both')
    if (ratio.raw && (ratio.good || ratio.bad)) issue('raw', 'raw is a ratio already: no good or bad with it')
    if (ratio.raw && ratio.rawType === undefined) issue('rawType', 'rawType is required with raw: success or failure')
  })

const sliSpecSchema = z
  .object({ description: optional(text), thresholdMetric: optional(metricSpecSchema), ratioMetric: optional(ratioMetricSchema) })
  .refine((sli) => (sli.thresholdMetric === undefined) !== (sli.ratioMetric === undefined), 'give thresholdMetric or ratioMetric, not both')
export type SliSpec = z.output<typeof sliSpecSchema>
const inlineIndicatorSchema = z.object({ metadata: metadataSchema, spec: sliSpecSchema })

const timeWindowSchema = z
  .object({
    duration: durationShorthandSchema,
    isRolling: optional(z.boolean({ error: 'isRolling is true or false' })),
    calendar: optional(
      z.object({
        startTime: optional(text.regex(DATE_TIME, 'expected a start such as "2024-01-01 00:00:00" (no time zone)')),
        timeZone: optional(text.refine(isTimeZone, 'not an IANA time zone (such as Europe/Berlin)')),
      }),
    ),
  })
  .superRefine((window, context) => {
    if (window.isRolling && window.calendar)
      context.addIssue({ code: 'custom', path: ['calendar'], message: 'a rolling window has no calendar' })
    if (!window.isRolling && !window.calendar)
      context.addIssue({ code: 'custom', path: ['isRolling'], message: 'a window is rolling (isRolling: true) or has a calendar' })
  })
export type TimeWindow = z.output<typeof timeWindowSchema>

const objectiveSchema = z
  .object({
    displayName: optional(text),
    op: optional(operatorSchema),
    value: optional(z.number({ error: 'expected a number' })),
    target: optional(z.number({ error: 'expected a number' }).min(0).lt(1, 'target is below 1 (0.99 is 99 %)')),
    targetPercent: optional(z.number({ error: 'expected a number' }).min(0).lt(100, 'targetPercent is below 100')),
    timeSliceTarget: optional(z.number({ error: 'expected a number' }).min(0).max(1)), // [0, 1] as the README's notes say
    /** A duration, or a number of minutes. */
    timeSliceWindow: optional(z.union([z.number(), durationShorthandSchema], { error: 'expected a duration such as 1m' })),
    indicator: optional(inlineIndicatorSchema),
    indicatorRef: optional(objectName),
    compositeWeight: optional(z.number({ error: 'expected a number' }).positive()),
  })
  .superRefine((objective, context) => {
    if (objective.target === undefined && objective.targetPercent === undefined)
      context.addIssue({ code: 'custom', path: ['target'], message: 'target is required (0.99 is 99 %), or targetPercent (99)' })
    if (objective.target !== undefined && objective.targetPercent !== undefined)
      context.addIssue({ code: 'custom', path: ['targetPercent'], message: 'give target or targetPercent, not both' })
  })
export type Objective = z.output<typeof objectiveSchema>

const alertConditionSpecSchema = z.object({
  description: optional(text),
  severity: text.min(1, 'severity is required (page, ticket, …)'),
  condition: z.object({
    kind: optional(z.literal('burnrate', { error: 'kind is burnrate' })),
    op: operatorSchema,
    threshold: z.number({ error: 'threshold is required: a burn rate' }),
    lookbackWindow: durationShorthandSchema,
    alertAfter: optional(durationShorthandSchema),
  }),
})
export type AlertConditionSpec = z.output<typeof alertConditionSpecSchema>

const notificationTargetSpecSchema = z.object({ description: optional(text), target: text.min(1, 'target is required (email, slack, …)') })

/** An entry of a list that names another object (`conditionRef: x`) or holds it inline (kind, metadata, spec). */
function refOrInline<Ref extends string, Spec extends z.ZodType>(refKey: Ref, kind: OpenSloKind, spec: Spec) {
  const ref = { [refKey]: optional(objectName) } as Record<Ref, ReturnType<typeof optional<typeof objectName>>>
  return z
    .object({
      ...ref,
      kind: optional(z.literal(kind, { error: `kind is ${kind}` })),
      metadata: optional(metadataSchema),
      spec: optional(spec),
    })
    .superRefine((parsed, context) => {
      const entry = parsed as Record<string, unknown> // generic here; each use below has its keys typed
      const named = entry[refKey] !== undefined
      const inline = entry.kind !== undefined || entry.metadata !== undefined || entry.spec !== undefined
      if (named && inline) context.addIssue({ code: 'custom', path: [refKey], message: `give ${refKey} or an inline ${kind}, not both` })
      if (!named && !inline) context.addIssue({ code: 'custom', path: [], message: `give ${refKey} or an inline ${kind}` })
      if (inline)
        for (const key of ['kind', 'metadata', 'spec'] as const)
          if (entry[key] === undefined) context.addIssue({ code: 'custom', path: [key], message: `an inline ${kind} needs ${key}` })
    })
}

const alertPolicySpecSchema = z.object({
  description: optional(text),
  alertWhenNoData: optional(z.boolean()),
  alertWhenResolved: optional(z.boolean()),
  alertWhenBreaching: optional(z.boolean()),
  /** A list for later versions; v1 holds exactly one condition. */
  conditions: z
    .array(refOrInline('conditionRef', 'AlertCondition', alertConditionSpecSchema))
    .length(1, 'an AlertPolicy has exactly one condition'),
  notificationTargets: z
    .array(refOrInline('targetRef', 'AlertNotificationTarget', notificationTargetSpecSchema))
    .min(1, 'an AlertPolicy has at least one notification target'),
})
export type AlertPolicySpec = z.output<typeof alertPolicySpecSchema>

const sloSpecSchema = z
  .object({
    description: optional(text),
    service: text.min(1, 'service is required'),
    indicator: optional(inlineIndicatorSchema),
    indicatorRef: optional(objectName),
    budgetingMethod: z.enum(['Occurrences', 'Timeslices', 'RatioTimeslices'], {
      error: 'budgetingMethod is Occurrences, Timeslices or RatioTimeslices',
    }),
    timeWindow: optional(z.array(timeWindowSchema).length(1, 'timeWindow holds exactly one window')),
    objectives: z.array(objectiveSchema, { error: 'objectives is required' }).min(1, 'objectives is required'),
    alertPolicies: optional(z.array(refOrInline('alertPolicyRef', 'AlertPolicy', alertPolicySpecSchema))),
  })
  .superRefine((slo, context) => {
    const composite = slo.objectives.some((objective) => objective.indicator !== undefined || objective.indicatorRef !== undefined)
    const indicators = (slo.indicator === undefined ? 0 : 1) + (slo.indicatorRef === undefined ? 0 : 1)
    if (!composite && indicators !== 1)
      context.addIssue({ code: 'custom', path: ['indicator'], message: 'give indicator or indicatorRef, not both' })
    if (composite && indicators > 0)
      context.addIssue({ code: 'custom', path: ['indicator'], message: 'a composite SLO gives its indicators in its objectives, not here' })
  })

/** The spec schema of each kind (the envelope, apiVersion and kind, is checked before). */
export const OPENSLO_SPECS = {
  SLO: sloSpecSchema,
  SLI: sliSpecSchema,
  AlertPolicy: alertPolicySpecSchema,
  AlertCondition: alertConditionSpecSchema,
  AlertNotificationTarget: notificationTargetSpecSchema,
  Service: z.object({ description: optional(text) }).nullish(),
  DataSource: z.object({
    description: optional(text),
    type: text.min(1, 'type is required (Prometheus, Datadog, …)'),
    connectionDetails: z.unknown().refine((details) => details !== undefined && details !== null, 'connectionDetails is required'),
  }),
} satisfies Record<OpenSloKind, z.ZodType>

// The latency pages' shapes: URL and query parameters in, views out. One schema per shape: route
// handlers validate with them, pages parse URL state with them, the browser parses responses with them.
import { z } from 'zod'
import { syncHealthSchema } from '@/lib/sync/schemas'
import { timeRangeParams } from '@/lib/time-range/time-range'

export const latencyStateSchema = z.enum(['ok', 'slow', 'insufficient_data', 'no_recent_data'])

/** `/services/{service}`: a Jaeger service name (non-empty, no control characters). */
export const serviceNameParam = z
  .string()
  .trim()
  .min(1, 'a service name')
  .max(255)
  .regex(/^[^\p{Cc}]+$/u, 'no control characters')
export const operationNameParam = z
  .string()
  .min(1, 'an operation name')
  .max(1024)
  .regex(/^[^\p{Cc}]+$/u, 'no control characters')
export const spanKindParam = z.enum(['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'], {
  error: 'one of unspecified, internal, server, client, producer, consumer',
})

/** The operation page's query: the range, and which span kind when an operation name has several. */
export const operationQueryParams = timeRangeParams.and(z.object({ kind: spanKindParam.optional() }))
export type OperationQueryParams = z.infer<typeof operationQueryParams>

const us = z.number()
const nullableUs = us.nullable()

export const resolvedRangeSchema = z.object({
  kind: z.enum(['1h', '6h', '24h', '7d', '30d', 'custom']),
  label: z.string(),
  startUs: us,
  endUs: us,
  stepUs: us,
  live: z.boolean(),
})

export const seriesPointSchema = z.object({
  bucketStartUs: us,
  count: z.number(),
  errors: z.number(),
  estimatedCount: z.number(),
  estimatedErrors: z.number(),
  p50Us: nullableUs,
  p95Us: nullableUs,
  p99Us: nullableUs,
})

export const bandSchema = z.object({ centerUs: us, spreadUs: us, lowerUs: us, upperUs: us })

/** What the services list and tables say about a latency verdict. */
export const latencyVerdictSchema = z.object({
  state: latencyStateSchema,
  slowSinceUs: nullableUs,
  deviation: z.number().nullable(),
  /** The latest judged p95 (the newest detection bucket with enough spans). */
  currentP95Us: nullableUs,
  /** The p95 band in force now (its hour's, when seasonal); null without a baseline. */
  baselineP95: bandSchema.nullable(),
  baselineKind: z.enum(['plain', 'seasonal']).nullable(),
  /** Why there is no baseline yet, e.g. "9 of the 24 clock hours needed …". */
  insufficientReason: z.string().nullable(),
  judgedToUs: nullableUs,
})
export type LatencyVerdict = z.infer<typeof latencyVerdictSchema>

/** Traffic and latency of a set of spans over the range. */
export const latencySummarySchema = z.object({
  /** Spans stored (sampled). */
  count: z.number(),
  errors: z.number(),
  /** Extrapolated by the head sampler's rate (and any window sampling). */
  estimatedPerMinute: z.number(),
  /** Whether estimates differ from what was stored (sampling in play). */
  estimated: z.boolean(),
  errorRatio: z.number().nullable(),
  p50Us: nullableUs,
  p95Us: nullableUs,
  p99Us: nullableUs,
})
export type LatencySummary = z.infer<typeof latencySummarySchema>

export const qualitySchema = z.object({
  tracesSeen: z.number(),
  completeRatio: z.number().nullable(),
  spans: z.number(),
  orphanSpans: z.number(),
  skewedSpans: z.number(),
  warningSpans: z.number(),
  /** Spans stored with U+FFFD in place of characters Postgres cannot hold (NUL, lone surrogates) in their service or operation name. */
  cleanedTextSpans: z.number(),
})

export const coverageSchema = z.object({
  operationsSeen: z.number(),
  operationsExpected: z.number(),
  /** Expected (inventory) operations with no span in the range. */
  missingOperations: z.array(z.string()),
  /** Server spans carrying `http.route`; HTTP spans carrying a status code; spans carrying `service.version`. */
  routeRatio: z.number().nullable(),
  statusCodeRatio: z.number().nullable(),
  versionRatio: z.number().nullable(),
  /** Mean head-sampling probability of the spans that report one (`sampler.param`). */
  samplingRate: z.number().nullable(),
})

export const serviceStatusSchema = z.enum(['slow', 'erroring', 'ok', 'no_data', 'not_traced'])

/** How current a service's summaries are, as every latency view reports it. */
export const dataSyncSchema = z.object({ health: syncHealthSchema, dataAsOfUs: nullableUs, lastError: z.string().nullable() })

export const serviceRowSchema = z.object({
  service: z.string(),
  origin: z.enum(['inventory', 'discovered']),
  team: z.string().nullable(),
  tier: z.number().nullable(),
  status: serviceStatusSchema,
  summary: latencySummarySchema,
  verdict: latencyVerdictSchema.nullable(),
  /** p95 of the entry spans per step of the range (null: no spans in that step). */
  sparklineP95Us: z.array(nullableUs),
  slowOperations: z.array(z.object({ operation: z.string(), spanKind: z.string(), deviation: z.number().nullable() })),
  quality: qualitySchema,
  samplingRate: z.number().nullable(),
  sync: dataSyncSchema,
})
export type ServiceRow = z.infer<typeof serviceRowSchema>

/**
 * A deployment that started in the range: a marker on the page's charts (lib/canary's
 * listDeploymentMarkers). lib/canary reads what the latency stage wrote, so it comes after latency
 * in lib's order: the views' reads here leave the deployments out and lib/canary adds them
 * (latency-views-repository.ts), typed against these schemas.
 */
export const deploymentMarkerSchema = z.object({
  id: z.string(),
  version: z.string(),
  baselineVersion: z.string().nullable(),
  status: z.enum(['announced', 'in_progress', 'finished', 'rolled_back']),
  verdict: z.enum(['pass', 'marginal', 'fail', 'not_enough_data']).nullable(),
  /** The canary's first span, else its announcement (ms since the epoch). */
  atMs: z.number(),
})
export type DeploymentMarker = z.infer<typeof deploymentMarkerSchema>

/** A service's deployment in progress, as the services list shows it (lib/canary's listDeploymentsInProgress). */
export const deploymentInProgressSchema = deploymentMarkerSchema
  .pick({ id: true, version: true, baselineVersion: true, verdict: true })
  .extend({
    service: z.string(),
    /** The judge's 0–100 score, when judged. */
    score: z.number().nullable(),
    /** The canary's share of the service's requests at the last judgement (0..1). */
    canaryShare: z.number().nullable(),
  })
export type DeploymentInProgress = z.infer<typeof deploymentInProgressSchema>

export const servicesViewSchema = z.object({
  range: resolvedRangeSchema,
  generatedAtUs: us,
  services: z.array(serviceRowSchema),
  /** One per service mid-deployment. */
  deploymentsInProgress: z.array(deploymentInProgressSchema),
})
export type ServicesView = z.infer<typeof servicesViewSchema>

export const operationRowSchema = z.object({
  operation: z.string(),
  spanKind: z.string(),
  summary: latencySummarySchema,
  verdict: latencyVerdictSchema.nullable(),
})
export type OperationRow = z.infer<typeof operationRowSchema>

/** Hour rollups are kept 35 days (ROLLUP_HOUR_RETENTION_DAYS' default): a longer window would read days it no longer has at hour resolution. */
export const MAX_BASELINE_WINDOW_DAYS = 35

/** An admin's change to one service's baseline window. */
export const baselineWindowInput = z.object({
  service: serviceNameParam,
  days: z.coerce
    .number({ error: 'a number of days' })
    .int('whole days')
    .min(1, 'at least 1 day')
    .max(MAX_BASELINE_WINDOW_DAYS, `at most ${MAX_BASELINE_WINDOW_DAYS} days (hour rollups are kept that long)`),
})
export type BaselineWindowInput = z.infer<typeof baselineWindowInput>

export const dependencySchema = z.object({ service: z.string(), calls: z.number(), errors: z.number(), lastSeenUs: us })

/** What the service and operation pages share: the range, how current the data is, the RED summary and charts over the baseline band, the verdict. */
const latencyPageSchema = z.object({
  range: resolvedRangeSchema,
  generatedAtUs: us,
  sync: dataSyncSchema,
  summary: latencySummarySchema,
  series: z.array(seriesPointSchema),
  /** The p95 band per point of `series` (aligned by index); null where there is no baseline. */
  band: z.array(bandSchema.nullable()),
  verdict: latencyVerdictSchema.nullable(),
  /** The service's deployments that started in the range, oldest first. */
  deploymentMarkers: z.array(deploymentMarkerSchema),
})

export const serviceViewSchema = latencyPageSchema.extend({
  service: z.string(),
  origin: z.enum(['inventory', 'discovered']),
  team: z.string().nullable(),
  owner: z.string().nullable(),
  tier: z.number().nullable(),
  operations: z.array(operationRowSchema),
  quality: qualitySchema,
  coverage: coverageSchema,
  callers: z.array(dependencySchema),
  callees: z.array(dependencySchema),
  /** The trailing window its baselines use; `custom`: set for this service rather than the default. */
  baselineWindow: z.object({ days: z.number(), custom: z.boolean() }),
})
export type ServiceView = z.infer<typeof serviceViewSchema>

export const distributionSchema = z.object({
  bins: z.array(z.object({ lowerUs: us, upperUs: us, count: z.number() })),
  total: z.number(),
  zeroCount: z.number(),
})

export const operationViewSchema = latencyPageSchema.extend({
  service: z.string(),
  operation: z.string(),
  /** The span kind shown, and every kind this operation name was seen with in the range. */
  spanKind: z.string().nullable(),
  spanKinds: z.array(z.string()),
  distribution: distributionSchema,
})
export type OperationView = z.infer<typeof operationViewSchema>

// What the deployment and verdict APIs accept (zod): a 400 names the field.
import { z } from 'zod'
import { serviceNameParam } from '@/lib/latency/schemas'

export const versionParam = z
  .string()
  .trim()
  .min(1, 'a version')
  .max(128, 'at most 128 characters')
  .regex(/^[^\p{Cc}\p{Cs}\s]+$/u, 'no spaces, control characters or broken unicode')

/** CI's record of a deployment: POST /api/v1/deployments. */
export const deploymentInput = z.strictObject({
  service: serviceNameParam,
  version: versionParam,
  /** When CI deployed it; default: when it was posted. */
  time: z.iso.datetime({ offset: true, error: 'an ISO 8601 date-time, e.g. 2026-12-06T14:00:00Z' }).optional(),
  /** The pipeline run or release. */
  link: z
    .url({ protocol: /^https?$/, error: 'an http(s) URL' })
    .max(2048)
    .optional(),
})
export type DeploymentInput = z.output<typeof deploymentInput>

export const DEPLOYMENT_STATUSES = ['announced', 'in_progress', 'finished', 'rolled_back'] as const

export const deploymentListQuery = z.object({
  service: serviceNameParam.optional(),
  status: z.enum(DEPLOYMENT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

/**
 * `gate` turns the verdict into the status code, for tools that read only that (Flagger's webhooks,
 * `curl --fail`): `pass` answers 200 only on a pass, `not-fail` on anything but a fail; else 412.
 */
export const verdictQuery = z.object({ gate: z.enum(['pass', 'not-fail']).optional() })

const verdictEnum = z.enum(['pass', 'marginal', 'fail', 'not_enough_data'])
const canaryMetricSchema = z.object({
  metric: z.enum(['p50', 'p95', 'p99', 'latency_distribution', 'error_rate', 'throughput_share']),
  result: z.enum(['pass', 'marginal', 'fail', 'not_enough_data', 'info']),
  unit: z.enum(['ms', 'ratio']),
  canary: z.number().nullable(),
  baseline: z.number().nullable(),
  ratio: z.number().nullable(),
  difference: z.number().nullable(),
  pValue: z.number().nullable(),
  reason: z.string(),
})

/** The answers' shapes, for the OpenAPI document. */
export const versionVerdictSchema = z.object({
  service: z.string(),
  version: z.string(),
  baselineVersion: z.string().nullable(),
  verdict: verdictEnum,
  score: z.number().nullable(),
  reasons: z.array(z.string()),
  metrics: z.array(canaryMetricSchema),
  deployment: z
    .object({
      id: z.string(),
      status: z.enum(DEPLOYMENT_STATUSES),
      firstSeenAt: z.string().nullable(),
      endedAt: z.string().nullable(),
      link: z.string().nullable(),
    })
    .nullable(),
  window: z.object({ from: z.string().nullable(), to: z.string().nullable(), minutes: z.number() }),
  asOf: z.string().nullable(),
})

/**
 * A judgement as stored on a deployment (deployments.judgement), the parts its summary reads; a part
 * that does not parse reads as absent (a list, a page or the alert stage never fails on one row).
 */
export const storedJudgementSchema = z.object({
  score: z.number().nullable().catch(null),
  metrics: z
    .array(z.object({ result: z.string() }))
    .nullable()
    .catch(null),
  reasons: z.array(z.string()).catch([]),
})

export const deploymentListSchema = z.object({
  deployments: z.array(
    z.object({
      id: z.string(),
      service: z.string(),
      version: z.string(),
      baselineVersion: z.string().nullable(),
      status: z.enum(DEPLOYMENT_STATUSES),
      verdict: verdictEnum.nullable(),
      score: z.number().nullable(),
      reason: z.string().nullable(),
      failingMetrics: z.number().int().nullable().meta({ description: 'How many metrics fail the canary (null before a judgement).' }),
      firstSeenAt: z.string().nullable(),
      endedAt: z.string().nullable(),
      announcedAt: z.string().nullable(),
      link: z.string().nullable(),
      canaryShare: z.number().nullable(),
      judgedAt: z.string().nullable(),
    }),
  ),
})

export const deploymentCreatedSchema = z.object({ id: z.string(), service: z.string(), version: z.string(), url: z.string() })

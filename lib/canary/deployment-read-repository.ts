// What the pages read about deployments: lists, one deployment with its minutes and operations side
// by side, markers for the charts, and which services are mid-deployment.
import { db } from '@/lib/db/client'
import { LatencyHistogram } from '@/lib/metrics/histogram'
import type { CanaryJudgement, CanaryVerdict } from './canary-judge'
import { canaryChartStepMinutes, canarySteps, overlap, type CanaryStep, type Overlap } from './canary-window'
import { listVersionBuckets, versionReadPlan } from './deployments-repository'
import type { ReadPlan } from '@/lib/latency/read-plan-repository'
import { storedJudgementSchema } from './schemas'

export type DeploymentStatus = 'announced' | 'in_progress' | 'finished' | 'rolled_back'

export type DeploymentSummary = {
  id: string
  service: string
  version: string
  baselineVersion: string | null
  status: DeploymentStatus
  verdict: CanaryVerdict | null
  score: number | null
  /** The first reason of the verdict (the worst metric's), when judged. */
  reason: string | null
  /** How many metrics fail; null before a judgement. */
  failingMetrics: number | null
  firstSeenAt: Date | null
  endedAt: Date | null
  announcedAt: Date | null
  link: string | null
  canaryShare: number | null
  judgedAt: Date | null
}

type Row = Awaited<ReturnType<typeof db.deployment.findFirstOrThrow>>

const summaryOf = (row: Row): DeploymentSummary => {
  const stored = storedJudgementSchema.safeParse(row.judgement ?? {})
  const { score = null, metrics = null, reasons = [] } = stored.success ? stored.data : {}
  return {
    id: row.id,
    service: row.service,
    version: row.version,
    baselineVersion: row.baselineVersion,
    status: row.status,
    verdict: row.verdict,
    score,
    reason: reasons[0] ?? null,
    failingMetrics: metrics && metrics.filter((metric) => metric.result === 'fail').length,
    firstSeenAt: row.firstSeenAt,
    endedAt: row.endedAt,
    announcedAt: row.announcedAt,
    link: row.link,
    canaryShare: row.canaryShare,
    judgedAt: row.judgedAt,
  }
}

/** Most recent first (by first span, else announcement); of one service, or of several. */
export async function listDeployments({
  service,
  services,
  status,
  limit = 200,
}: { service?: string; services?: readonly string[]; status?: DeploymentStatus; limit?: number } = {}): Promise<DeploymentSummary[]> {
  const rows = await db.deployment.findMany({
    where: { service: services ? { in: [...services] } : service, status },
    orderBy: [{ firstSeenAt: { sort: 'desc', nulls: 'first' } }, { announcedAt: 'desc' }],
    take: limit,
  })
  return rows.map(summaryOf)
}

export type DeploymentDetail = DeploymentSummary & { judgement: CanaryJudgement | null }

export async function findDeployment(id: string): Promise<DeploymentDetail | null> {
  const row = await db.deployment.findUnique({ where: { id } })
  return row && { ...summaryOf(row), judgement: row.judgement as CanaryJudgement | null }
}

export async function findDeploymentOfVersion(service: string, version: string): Promise<DeploymentDetail | null> {
  const row = await db.deployment.findUnique({ where: { service_version: { service, version } } })
  return row && { ...summaryOf(row), judgement: row.judgement as CanaryJudgement | null }
}

export type DeploymentMarker = Pick<DeploymentSummary, 'id' | 'version' | 'baselineVersion' | 'status' | 'verdict'> & { atMs: number }

/** Deployments of a service that started in [fromMs, toMs): a marker on each of its charts. */
export async function listDeploymentMarkers(service: string, fromMs: number, toMs: number): Promise<DeploymentMarker[]> {
  const range = { gte: new Date(fromMs), lt: new Date(toMs) }
  const rows = await db.deployment.findMany({
    where: { service, OR: [{ firstSeenAt: range }, { firstSeenAt: null, announcedAt: range }] },
    orderBy: { firstSeenAt: 'asc' },
  })
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    baselineVersion: row.baselineVersion,
    status: row.status,
    verdict: row.verdict,
    atMs: (row.firstSeenAt ?? row.announcedAt)!.getTime(),
  }))
}

/** Services with a deployment in progress, by service (the latest if several). */
export async function listDeploymentsInProgress(): Promise<Map<string, DeploymentSummary>> {
  const rows = await db.deployment.findMany({ where: { status: 'in_progress' }, orderBy: { firstSeenAt: 'asc' } })
  return new Map(rows.map((row) => [row.service, summaryOf(row)]))
}

/** At most this much of a deployment is drawn minute by minute. */
const SERIES_SPAN_MS = 6 * 3_600_000

export type DeploymentSteps = {
  /** How many minutes both versions ran, from the first to the last minute both served. */
  minutes: number
  /** Their first and last bucket (start, ms) and its end; null when they never served in the same minute. */
  span: Overlap | null
  stepMinutes: number
  steps: CanaryStep[]
  /** The rows read (versionReadPlan), for the operations over the same stretch. */
  plan: ReadPlan | null
}

/** Canary and baseline step by step (canaryChartStepMinutes), from the first span of the canary to its end (or now). */
export async function deploymentSteps(deployment: DeploymentSummary, now: Date): Promise<DeploymentSteps> {
  if (!deployment.firstSeenAt || !deployment.baselineVersion) return { minutes: 0, span: null, stepMinutes: 1, steps: [], plan: null }
  const fromMs = deployment.firstSeenAt.getTime()
  const toMs = Math.min((deployment.endedAt ?? now).getTime() + 60_000, fromMs + SERIES_SPAN_MS)
  const plan = await versionReadPlan(deployment.service, fromMs, toMs, now)
  const rows = await listVersionBuckets(deployment.service, [deployment.version, deployment.baselineVersion], plan)
  const span = overlap(rows, deployment.version, deployment.baselineVersion)
  const minutes = span ? (span.endMs - span.fromMs) / 60_000 : 0
  const stepMinutes = canaryChartStepMinutes(minutes, rows)
  return { minutes, span, stepMinutes, steps: canarySteps(rows, deployment.version, deployment.baselineVersion, stepMinutes), plan }
}

export type OperationDifference = {
  operation: string
  spanKind: string
  canary: { spans: number; errors: number; p95Us: number | null }
  baseline: { spans: number; errors: number; p95Us: number | null }
  /** canary p95 / baseline p95 (null without both). */
  p95Ratio: number | null
  /** canary error rate − baseline error rate (0..1 points). */
  errorRateDifference: number | null
}

/** Each operation of both versions over the stretch they overlapped (deploymentSteps' span and rows; version_operation_rollups), worst p95 ratio first. */
export async function operationDifferences(
  deployment: DeploymentSummary,
  { span, plan }: Pick<DeploymentSteps, 'span' | 'plan'>,
): Promise<OperationDifference[]> {
  if (!span || !plan || !deployment.baselineVersion) return []
  const versions = [deployment.version, deployment.baselineVersion]
  // Operation rows are kept only for minutes in which both versions ran (lib/metrics/version-rollup.ts).
  const rows = await db.$queryRaw<
    { version: string; operation: string; spanKind: string; spanCount: number; errorCount: number; histogram: Uint8Array }[]
  >`
    SELECT version, operation, span_kind AS "spanKind", span_count AS "spanCount", error_count AS "errorCount", histogram
    FROM version_operation_rollups
    WHERE service = ${deployment.service} AND version = ANY(${versions}::text[]) AND (${plan.sql})
      AND bucket_start >= ${new Date(span.fromMs)} AND bucket_start <= ${new Date(span.toMs)}`
  const operations = new Map<string, { operation: string; spanKind: string; sides: Record<'canary' | 'baseline', Side> }>()
  type Side = { spans: number; errors: number; histogram: LatencyHistogram }
  const emptySide = (): Side => ({ spans: 0, errors: 0, histogram: new LatencyHistogram() })
  for (const row of rows) {
    const key = `${row.operation}\u0000${row.spanKind}`
    let entry = operations.get(key)
    if (!entry)
      operations.set(
        key,
        (entry = { operation: row.operation, spanKind: row.spanKind, sides: { canary: emptySide(), baseline: emptySide() } }),
      )
    const side = entry.sides[row.version === deployment.version ? 'canary' : 'baseline']
    side.spans += row.spanCount
    side.errors += row.errorCount
    side.histogram.mergeBytes(row.histogram)
  }
  const figures = (side: Side) => ({ spans: side.spans, errors: side.errors, p95Us: side.histogram.quantile(0.95) })
  return [...operations.values()]
    .map(({ operation, spanKind, sides }): OperationDifference => {
      const canary = figures(sides.canary)
      const baseline = figures(sides.baseline)
      return {
        operation,
        spanKind,
        canary,
        baseline,
        p95Ratio: canary.p95Us && baseline.p95Us ? canary.p95Us / baseline.p95Us : null,
        errorRateDifference: canary.spans && baseline.spans ? canary.errors / canary.spans - baseline.errors / baseline.spans : null,
      }
    })
    .sort((a, b) => (b.p95Ratio ?? 0) - (a.p95Ratio ?? 0))
}

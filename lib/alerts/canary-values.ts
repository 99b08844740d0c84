// A canary_regression rule's series at one evaluation: one per deployment in progress of a matched
// service that lib/canary's stage has judged, valued by its failing metrics. Pure.
//
//   verdict          value                      holds
//   fail             failing metrics (≥ 1)      yes
//   pass, marginal   0                          no
//   not_enough_data  no value (as below a traffic guard), nor before the first judgement
//
// The deployment leaving in_progress (finished, rolled back) takes its series away: its alert resolves
// as any alert whose series is gone does.
import type { DeploymentSummary } from '@/lib/canary/deployment-read-repository'
import type { SeriesValue } from './rule-values'
import type { AlertRule, Labels } from './schemas'

/** A deployment in progress as lib/canary last judged it (its summary: failingMetrics null when the stored judgement does not say, read as 1 while the verdict is fail). */
export type CanaryDeployment = Pick<
  DeploymentSummary,
  'id' | 'service' | 'version' | 'baselineVersion' | 'verdict' | 'failingMetrics' | 'reason' | 'score'
>

/** What annotation templates read of a canary alert ({{canary.reason}}, {{canary.score}}, {{canary.url}}). */
export type CanaryDetails = { reason: string; score: number | null; url: string }

/** Annotations every canary_regression alert has unless its rule writes its own of that name (rule-templates.ts renders them). */
export const CANARY_ANNOTATIONS = {
  summary: '{{labels.service}} {{labels.version}} fails its canary: {{canary.reason}}',
  deployment_url: '{{canary.url}}',
} as const

/** The deployment page, relative to Spanlens' external URL. */
export const deploymentPath = (id: string) => `/deployments/${encodeURIComponent(id)}`

/** Labels of one deployment's alert: the rule's, alertname and severity, and service, version, baseline_version. */
export function canaryLabels(rule: AlertRule, deployment: CanaryDeployment): Labels {
  const labels: Record<string, string> = { ...rule.labels }
  labels.alertname = rule.name
  labels.service = deployment.service
  labels.version = deployment.version
  if (deployment.baselineVersion !== null) labels.baseline_version = deployment.baselineVersion
  labels.severity = rule.severity
  return labels
}

/** The series of `deployments` (one service's, in progress) for a canary_regression rule; the caller matches the service. */
export function computeCanaryValues(rule: AlertRule, deployments: readonly CanaryDeployment[]): SeriesValue[] {
  const values: SeriesValue[] = []
  for (const deployment of deployments) {
    if (deployment.verdict === null || deployment.verdict === 'not_enough_data') continue
    const fails = deployment.verdict === 'fail'
    values.push({
      labels: canaryLabels(rule, deployment),
      value: fails ? Math.max(1, deployment.failingMetrics ?? 1) : 0,
      threshold: 0,
      holds: fails,
      spans: 0,
      canary: {
        reason: deployment.reason ?? `the canary's verdict is ${deployment.verdict}`,
        score: deployment.score,
        url: deploymentPath(deployment.id),
      },
    })
  }
  return values
}

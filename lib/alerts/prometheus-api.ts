// Rules and alerts in the JSON of Prometheus' HTTP API (GET /api/v1/rules, GET /api/v1/alerts), so tools
// that read a Prometheus (Grafana's data source, promtool-style scripts, karma) read Spanlens too. Our
// rules have no PromQL: `query` carries the condition written out.
import { z } from 'zod'
import { formatPrometheusDuration } from '@/lib/time/prometheus-duration'
import type { Alert, AlertRule, StoredAlertRule } from './schemas'

/** Go's strconv.FormatFloat(v, 'e', -1, 64), as Prometheus prints sample values: 504 → "5.04e+02". */
export function formatSampleValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf'
  const [mantissa, exponent] = value.toExponential().split('e') as [string, string]
  const sign = exponent.startsWith('-') ? '-' : '+'
  return `${mantissa}e${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`
}

/** The condition as one line, in place of PromQL: "p95(checkout POST /api/*) > 300 ms over 5m". */
export function describeCondition(rule: AlertRule): string {
  const { selector, condition } = rule
  const series = [selector.service, selector.operation, selector.spanKind ? `(${selector.spanKind})` : undefined].filter(Boolean).join(' ')
  const over = `over ${formatPrometheusDuration(rule.window)}`
  switch (condition.kind) {
    case 'latency_threshold':
      return `${condition.percentile}(${series}) > ${condition.aboveMs} ms ${over}`
    case 'latency_baseline':
      return condition.factor !== undefined
        ? `p95(${series}) > ${condition.factor} × baseline p95 ${over}`
        : `deviation(p95(${series})) > ${condition.deviation} ${over}`
    case 'error_rate':
      return `errors(${series}) / spans(${series}) > ${condition.above} ${over}`
    case 'trace_reliability':
      return `complete_traces(${series}) / traces(${series}) < ${condition.below} ${over}`
    case 'no_data':
      return `no spans from ${series} for ${formatPrometheusDuration(condition.silentFor)}`
    case 'canary_regression':
      return `canary_verdict(${series} deployments in progress) == fail`
    case 'slo_burn_rate':
      return `burn_rate(${condition.slo}) > ${condition.factor} over ${formatPrometheusDuration(condition.longWindow)} and ${formatPrometheusDuration(condition.shortWindow)}`
  }
}

const labels = z.record(z.string(), z.string())
export const prometheusAlertSchema = z.object({
  labels,
  annotations: labels,
  state: z.enum(['pending', 'firing']),
  activeAt: z.string(),
  keepFiringSince: z.string().optional(),
  value: z.string(),
})
export const prometheusRuleSchema = z.object({
  name: z.string(),
  query: z.string(),
  duration: z.number(),
  keepFiringFor: z.number(),
  labels,
  annotations: labels,
  alerts: z.array(prometheusAlertSchema),
  health: z.enum(['ok', 'unknown']),
  lastEvaluation: z.string(),
  evaluationTime: z.number(),
  state: z.enum(['inactive', 'pending', 'firing']),
  type: z.literal('alerting'),
})
export const prometheusRulesResponseSchema = z.object({
  status: z.literal('success'),
  data: z.object({
    groups: z.array(
      z.object({
        name: z.string(),
        file: z.string(),
        rules: z.array(prometheusRuleSchema),
        interval: z.number(),
        limit: z.number(),
        evaluationTime: z.number(),
        lastEvaluation: z.string(),
      }),
    ),
  }),
})
export const prometheusAlertsResponseSchema = z.object({
  status: z.literal('success'),
  data: z.object({ alerts: z.array(prometheusAlertSchema) }),
})

/** Go's zero time, which Prometheus prints for "never". */
const NEVER = '0001-01-01T00:00:00Z'
const iso = (ms: number | null) => (ms === null ? NEVER : new Date(ms).toISOString())

/** Prometheus lists pending and firing alerts; resolved ones it keeps only to re-send are not "active". */
export function toPrometheusAlert(alert: Alert): z.infer<typeof prometheusAlertSchema> | null {
  if (alert.state === 'inactive') return null
  return {
    labels: { ...alert.labels },
    annotations: { ...alert.annotations },
    state: alert.state,
    activeAt: iso(alert.activeAt),
    ...(alert.keepFiringSince !== null ? { keepFiringSince: iso(alert.keepFiringSince) } : {}),
    value: formatSampleValue(alert.value),
  }
}

export function toPrometheusRules(
  rules: readonly { rule: StoredAlertRule; alerts: readonly Alert[]; lastEvaluationMs: number | null }[],
  { intervalSeconds }: { intervalSeconds: number },
): z.infer<typeof prometheusRulesResponseSchema> {
  const ruleJson = rules.map(({ rule, alerts, lastEvaluationMs }) => {
    const active = alerts.flatMap((alert) => toPrometheusAlert(alert) ?? [])
    return {
      name: rule.name,
      query: describeCondition(rule),
      duration: rule.for,
      keepFiringFor: rule.keepFiringFor,
      labels: { ...rule.labels, severity: rule.severity },
      annotations: { ...rule.annotations },
      alerts: active,
      health: lastEvaluationMs === null ? ('unknown' as const) : ('ok' as const),
      lastEvaluation: iso(lastEvaluationMs),
      evaluationTime: 0,
      state: active.some((alert) => alert.state === 'firing')
        ? ('firing' as const)
        : active.length
          ? ('pending' as const)
          : ('inactive' as const),
      type: 'alerting' as const,
    }
  })
  const lastEvaluation = Math.max(-Infinity, ...rules.map((rule) => rule.lastEvaluationMs ?? -Infinity))
  return {
    status: 'success',
    data: {
      groups: ruleJson.length
        ? [
            {
              name: 'spanlens',
              file: 'spanlens',
              rules: ruleJson,
              interval: intervalSeconds,
              limit: 0,
              evaluationTime: 0,
              lastEvaluation: Number.isFinite(lastEvaluation) ? iso(lastEvaluation) : NEVER,
            },
          ]
        : [],
    },
  }
}

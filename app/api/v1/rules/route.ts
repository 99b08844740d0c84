import { listStoredAlertsByRule } from '@/lib/alerts/alerts-repository'
import { toPrometheusRules } from '@/lib/alerts/prometheus-api'
import { listAlertRules } from '@/lib/alerts/rules-repository'
import { defineRoute } from '@/lib/http/define-route'
import { STAGES_EVERY_MS } from '@/lib/worker/stages'

/** Alert rules with their alerts, in the JSON of Prometheus' GET /api/v1/rules. */
export const GET = defineRoute({
  permission: 'dashboard.read',
  run: async () => {
    const [{ rules }, { byRule, lastEvaluationMs }] = await Promise.all([listAlertRules(), listStoredAlertsByRule()])
    return toPrometheusRules(
      rules.map((rule) => ({
        rule,
        alerts: byRule.get(rule.id) ?? [],
        lastEvaluationMs: rule.enabled ? lastEvaluationMs : null,
      })),
      { intervalSeconds: STAGES_EVERY_MS / 1000 },
    )
  },
})

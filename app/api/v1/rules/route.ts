import { NextResponse } from 'next/server'
import { listStoredAlertsByRule } from '@/lib/alerts/alerts-repository'
import { toPrometheusRules } from '@/lib/alerts/prometheus-api'
import { listAlertRules, saveAlertRule } from '@/lib/alerts/rules-repository'
import { alertRuleInput } from '@/lib/alerts/schemas'
import { defineRoute } from '@/lib/http/define-route'
import { versionEtag } from '@/lib/http/if-match'
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

/**
 * Creates one rule from JSON (the editor's shape), checked as the editor's save is: 201 with the stored rule
 * and its Location, 409 naming `name` (or `selector`) when another rule has that name (or signal). A
 * session with alerts.write, or an API token with that scope.
 */
export const POST = defineRoute({
  permission: 'alerts.write',
  token: { scope: 'alerts.write' },
  body: alertRuleInput,
  run: async ({ body, user, token }) => {
    const rule = await saveAlertRule(body, { by: user?.id ?? null, token })
    return NextResponse.json(rule, {
      status: 201,
      headers: { location: `/api/v1/rules/${rule.id}`, etag: versionEtag(rule.version), 'cache-control': 'no-store' },
    })
  },
})

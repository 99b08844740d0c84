import { NextResponse } from 'next/server'
import { listAlertRules } from '@/lib/alerts/rules-repository'
import { formatRulesYaml } from '@/lib/alerts/rules-yaml'
import { defineRoute } from '@/lib/http/define-route'

/** Every hand-written rule as a YAML rules file (the Prometheus rule-file layout), to keep in git and import again. */
export const GET = defineRoute({
  permission: 'dashboard.read',
  run: async () => {
    const { rules } = await listAlertRules()
    // Burn-rate rules are their SLOs' (exported with them, as OpenSLO, from /api/v1/slos/export).
    const plain = rules.filter((rule) => rule.condition.kind !== 'slo_burn_rate').map(({ id: _id, version: _version, ...rule }) => rule)
    return new NextResponse(formatRulesYaml(plain), {
      headers: {
        'content-type': 'application/yaml; charset=utf-8',
        'content-disposition': 'attachment; filename="spanlens-alert-rules.yaml"',
        'cache-control': 'no-store',
      },
    })
  },
})

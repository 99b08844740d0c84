import { listStoredAlertsByRule } from '@/lib/alerts/alerts-repository'
import { toPrometheusAlert } from '@/lib/alerts/prometheus-api'
import { defineRoute } from '@/lib/http/define-route'

/** Pending and firing alerts, in the JSON of Prometheus' GET /api/v1/alerts. */
export const GET = defineRoute({
  permission: 'dashboard.read',
  run: async () => {
    const { byRule } = await listStoredAlertsByRule()
    const alerts = [...byRule.values()].flatMap((alerts) => alerts.flatMap((alert) => toPrometheusAlert(alert) ?? []))
    return { status: 'success' as const, data: { alerts } }
  },
})

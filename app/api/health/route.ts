import { NextResponse } from 'next/server'
import { checkHealth } from '@/lib/health/check-health'
import { toPublicHealth } from '@/lib/health/health-status'
import { defineRoute } from '@/lib/http/define-route'

export const dynamic = 'force-dynamic'

/**
 * Public, for load balancers and uptime checks: up or down per part. Signed-in users also get the
 * details (latencies, Jaeger's API and error, the worker's last heartbeat).
 * 200 when up or degraded (Jaeger or worker missing: pages still work), 503 when the database is down.
 */
export const GET = defineRoute({
  permission: { public: true, identify: true },
  run: async ({ user }) => {
    const health = await checkHealth()
    return NextResponse.json(user ? health : toPublicHealth(health), {
      status: health.status === 'down' ? 503 : 200,
      headers: { 'cache-control': 'no-store' },
    })
  },
})

import { NextResponse } from 'next/server'
import { checkHealth } from '@/lib/health/check-health'

export const dynamic = 'force-dynamic'

/**
 * Public, for load balancers and uptime checks: reports reachability only (no data, no URLs).
 * 200 when up or degraded (Jaeger or worker missing: pages still work), 503 when the database is down.
 */
export async function GET() {
  const health = await checkHealth()
  return NextResponse.json(health, { status: health.status === 'down' ? 503 : 200, headers: { 'cache-control': 'no-store' } })
}

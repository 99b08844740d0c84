import { NextResponse } from 'next/server'
import { getRuleBacktest } from '@/lib/alerts/backtest-repository'
import { backtestRequest } from '@/lib/alerts/schemas'
import { defineRoute } from '@/lib/http/define-route'

/**
 * A draft rule replayed over the last 24 h, 7 d or 30 d: when it would have been pending and firing per
 * matched series, and the recorded incidents it would have warned of. Saves nothing (200, not 201), so
 * any reader may ask.
 */
export const POST = defineRoute({
  permission: 'dashboard.read',
  body: backtestRequest,
  run: async ({ body }) => NextResponse.json(await getRuleBacktest(body.rule, body.range), { headers: { 'cache-control': 'no-store' } }),
})

import { NextResponse } from 'next/server'
import { z } from 'zod'
import { verdictQuery, versionParam } from '@/lib/canary/schemas'
import { judgeVersion } from '@/lib/canary/version-verdict'
import { defineRoute } from '@/lib/http/define-route'
import { serviceNameParam } from '@/lib/latency/schemas'

const PASSES = { pass: ['pass'], 'not-fail': ['pass', 'marginal', 'not_enough_data'] } as const

/**
 * Is this version healthy enough to promote? The canary verdict (pass / marginal / fail /
 * not_enough_data) with per-metric figures, for Argo Rollouts' web provider (`successCondition:
 * result.verdict == "pass"`) and Flagger (`?gate=pass`: 412 unless it passes). README: "Canary verdicts".
 */
export const GET = defineRoute({
  permission: 'dashboard.read',
  token: { scope: 'verdicts.read' },
  params: z.object({ service: serviceNameParam, version: versionParam }),
  query: verdictQuery,
  run: async ({ params, query }) => {
    const verdict = await judgeVersion(params.service, params.version)
    const passes = !query.gate || (PASSES[query.gate] as readonly string[]).includes(verdict.verdict)
    return NextResponse.json(verdict, { status: passes ? 200 : 412, headers: { 'cache-control': 'no-store' } })
  },
})

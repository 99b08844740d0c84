import { NextResponse } from 'next/server'
import { defineRoute } from '@/lib/http/define-route'
import { versionEtag } from '@/lib/http/if-match'
import { sloInput } from '@/lib/slo/schemas'
import { toSloView } from '@/lib/slo/slo-api'
import { listSloOverviews } from '@/lib/slo/slo-read-repository'
import { saveSlo } from '@/lib/slo/slos-repository'

/** Every SLO with its figures (SLI, budget, burn rates per tier) as of its last accounting pass, and its burn-rate alerts. */
export const GET = defineRoute({
  permission: 'dashboard.read',
  run: async () => {
    const { overviews, unreadable } = await listSloOverviews()
    return { slos: overviews.map(toSloView), unreadable }
  },
})

/** Creates one SLO (and its burn-rate rules): 201 with the stored SLO and its Location. A session with slos.write, or a token with that scope. */
export const POST = defineRoute({
  permission: 'slos.write',
  token: { scope: 'slos.write' },
  body: sloInput,
  run: async ({ body, user, token }) => {
    const slo = await saveSlo(body, { by: user?.id ?? null, token })
    return NextResponse.json(slo, {
      status: 201,
      headers: { location: `/api/v1/slos/${slo.id}`, etag: versionEtag(slo.version), 'cache-control': 'no-store' },
    })
  },
})

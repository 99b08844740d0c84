import { NextResponse } from 'next/server'
import { defineRoute } from '@/lib/http/define-route'
import { expectedVersion, versionEtag } from '@/lib/http/if-match'
import { sloParams, sloReplaceBody } from '@/lib/slo/schemas'
import { toSloDetailView } from '@/lib/slo/slo-api'
import { getSloDetail } from '@/lib/slo/slo-read-repository'
import { deleteSlo, saveSlo } from '@/lib/slo/slos-repository'

// One SLO by id. Static siblings (import, export) win over [id] in Next's router.

/** The SLO with its figures, burn-rate alerts, corrections and accounted hours; its version is the ETag. */
export const GET = defineRoute({
  permission: 'dashboard.read',
  params: sloParams,
  run: async ({ params }) => {
    const detail = await getSloDetail(params.id)
    return NextResponse.json(toSloDetailView(detail), { headers: { etag: versionEtag(detail.slo.version), 'cache-control': 'no-store' } })
  },
})

/** Replaces the SLO (its version goes up; with the version read, in the body or If-Match, 409 when someone saved in between). */
export const PUT = defineRoute({
  permission: 'slos.write',
  token: { scope: 'slos.write' },
  params: sloParams,
  body: sloReplaceBody,
  run: async ({ params, body: { version, ...slo }, request, user, token }) => {
    const saved = await saveSlo(slo, {
      id: params.id,
      by: user?.id ?? null,
      token,
      expectedVersion: expectedVersion(request.headers.get('if-match'), version),
    })
    return NextResponse.json(saved, { headers: { etag: versionEtag(saved.version), 'cache-control': 'no-store' } })
  },
})

/** Deletes the SLO with its burn-rate rules, their alerts, its corrections and accounting: 204. */
export const DELETE = defineRoute({
  permission: 'slos.write',
  token: { scope: 'slos.write' },
  params: sloParams,
  run: async ({ params, user, token }) => {
    await deleteSlo(params.id, { by: user?.id ?? null, token })
    return new NextResponse(null, { status: 204, headers: { 'cache-control': 'no-store' } })
  },
})

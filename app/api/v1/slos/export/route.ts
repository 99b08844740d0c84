import { NextResponse } from 'next/server'
import { defineRoute } from '@/lib/http/define-route'
import { NotFoundError } from '@/lib/errors'
import { exportOpenSlo } from '@/lib/slo/openslo-export'
import { slosExportQuery } from '@/lib/slo/slo-api'
import { listSlos } from '@/lib/slo/slos-repository'

/** SLOs as OpenSLO v1 YAML (an SLO and one AlertPolicy per burn-rate tier each), to keep in git and import again. */
export const GET = defineRoute({
  permission: 'dashboard.read',
  query: slosExportQuery,
  run: async ({ query }) => {
    const { slos } = await listSlos()
    const chosen = query.name === undefined ? slos : slos.filter((slo) => slo.name === query.name)
    if (query.name !== undefined && chosen.length === 0) throw new NotFoundError(`no SLO named ${query.name}`)
    const file = query.name === undefined ? 'spanlens-slos.openslo.yaml' : `${query.name}.openslo.yaml`
    return new NextResponse(exportOpenSlo(chosen.map(({ id: _id, version: _version, ...slo }) => slo)), {
      headers: {
        'content-type': 'application/yaml; charset=utf-8',
        'content-disposition': `attachment; filename="${file}"`,
        'cache-control': 'no-store',
      },
    })
  },
})

import { NextResponse } from 'next/server'
import { defineRoute } from '@/lib/http/define-route'
import { slosImportBody } from '@/lib/slo/slo-api'
import { parseSloFile } from '@/lib/slo/slo-file'
import { importSlos } from '@/lib/slo/slos-repository'

/**
 * Imports an OpenSLO v1 or Sloth file, all or nothing: 422 with every problem's line, or what was created,
 * replaced (by name) and left as it was. A session with slos.write, or an API token with that scope (a CI
 * job deploying SLOs kept in git).
 */
export const POST = defineRoute({
  permission: 'slos.write',
  token: { scope: 'slos.write' },
  body: slosImportBody,
  run: async ({ body, user, token }) => {
    const headers = { 'cache-control': 'no-store' }
    const parsed = parseSloFile(body.content)
    if (!parsed.ok)
      return NextResponse.json(
        {
          error: 'invalid_slos',
          message: `nothing was imported: the ${parsed.format === 'sloth' ? 'Sloth spec' : 'OpenSLO file'} has ${parsed.errors.length === 1 ? '1 problem' : `${parsed.errors.length} problems`}`,
          issues: parsed.errors.map(({ line, column, path, message }) => ({ line, column, path, message })),
        },
        { status: 422, headers },
      )
    const result = await importSlos(parsed.slos, { by: user?.id ?? null, token, dryRun: body.dryRun })
    return NextResponse.json({ dryRun: body.dryRun, format: parsed.format, ...result }, { status: 200, headers })
  },
})

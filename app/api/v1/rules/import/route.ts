import { NextResponse } from 'next/server'
import { importAlertRules } from '@/lib/alerts/rules-repository'
import { parseRulesYaml } from '@/lib/alerts/rules-yaml'
import { rulesImportBody } from '@/lib/alerts/schemas'
import { defineRoute } from '@/lib/http/define-route'

/**
 * Imports a rules file (the Prometheus rule-file layout with spanlens: conditions), all or nothing: 422
 * with every problem's line, or what was created, replaced (by name) and left as it was. A session with
 * alerts.write, or an API token with that scope (a CI job deploying rules kept in git).
 */
export const POST = defineRoute({
  permission: 'alerts.write',
  token: { scope: 'alerts.write' },
  body: rulesImportBody,
  run: async ({ body, user, token }) => {
    const headers = { 'cache-control': 'no-store' }
    const parsed = parseRulesYaml(body.content)
    if (!parsed.ok)
      return NextResponse.json(
        {
          error: 'invalid_rules',
          message: `nothing was imported: the file has ${parsed.errors.length === 1 ? '1 problem' : `${parsed.errors.length} problems`}`,
          issues: parsed.errors.map(({ line, column, path, message }) => ({ line, column, path, message })),
        },
        { status: 422, headers },
      )
    const result = await importAlertRules(parsed.rules, { by: user?.id ?? null, tokenId: token?.id ?? null, dryRun: body.dryRun })
    return NextResponse.json({ dryRun: body.dryRun, ...result }, { status: 200, headers })
  },
})

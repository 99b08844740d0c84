import { NextResponse } from 'next/server'
import { defineRoute } from '@/lib/http/define-route'
import { importCatalogFile } from '@/lib/inventory/repository'
import { catalogImportBody } from '@/lib/inventory/schemas'

/**
 * Imports a catalog file sent as JSON text, all or nothing: 422 with every problem's line when the
 * file has any, else what changed (200; with `dryRun`, what would change). A session with
 * inventory.write, or an API token with that scope (CI jobs that own the catalog).
 */
export const POST = defineRoute({
  permission: 'inventory.write',
  token: { scope: 'inventory.write' },
  body: catalogImportBody,
  run: async ({ body, user, token }) => {
    const { content, ...options } = body
    const result = await importCatalogFile(content, options, { by: user?.id ?? null, token })
    const headers = { 'cache-control': 'no-store' }
    if (!result.ok) {
      const problems = result.errors.length === 1 ? '1 problem' : `${result.errors.length} problems`
      return NextResponse.json(
        {
          error: 'invalid_catalog',
          message: `nothing was imported: the file has ${problems}`,
          format: result.format,
          issues: result.errors.map(({ line, field, message }) => ({ line, path: field ?? '(file)', message })),
        },
        { status: 422, headers },
      )
    }
    return NextResponse.json(result, { status: 200, headers })
  },
})

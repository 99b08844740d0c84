import { NextResponse } from 'next/server'
import { deleteAlertRule, getAlertRule, saveAlertRule } from '@/lib/alerts/rules-repository'
import { alertRuleParams, alertRuleReplaceBody, type StoredAlertRule } from '@/lib/alerts/schemas'
import { defineRoute } from '@/lib/http/define-route'
import { expectedVersion, versionEtag } from '@/lib/http/if-match'

// One rule by id. Static siblings (backtest, export, import) win over [id] in Next's router.

const answer = (rule: StoredAlertRule, status = 200) =>
  NextResponse.json(rule, { status, headers: { etag: versionEtag(rule.version), 'cache-control': 'no-store' } })

/** The rule as stored, with its version (also its ETag). */
export const GET = defineRoute({
  permission: 'dashboard.read',
  params: alertRuleParams,
  run: async ({ params }) => answer(await getAlertRule(params.id)),
})

/**
 * Replaces the rule (its version goes up), checked as the editor's save is. With the version read (in the
 * body or If-Match), 409 when someone saved in between. A session with alerts.write, or a token with that scope.
 */
export const PUT = defineRoute({
  permission: 'alerts.write',
  token: { scope: 'alerts.write' },
  params: alertRuleParams,
  body: alertRuleReplaceBody,
  run: async ({ params, body: { version, ...rule }, request, user, token }) =>
    answer(
      await saveAlertRule(rule, {
        id: params.id,
        by: user?.id ?? null,
        token,
        expectedVersion: expectedVersion(request.headers.get('if-match'), version),
      }),
    ),
})

/** Deletes the rule with its alerts and their history: 204. A session with alerts.write, or a token with that scope. */
export const DELETE = defineRoute({
  permission: 'alerts.write',
  token: { scope: 'alerts.write' },
  params: alertRuleParams,
  run: async ({ params, user, token }) => {
    await deleteAlertRule(params.id, { by: user?.id ?? null, token })
    return new NextResponse(null, { status: 204, headers: { 'cache-control': 'no-store' } })
  },
})

// Token mode of defineRoute: a machine presents `Authorization: Bearer spl_…` (RFC 6750) instead of a
// session cookie. The token must be active (401 otherwise) and carry the route's scope (403 naming it).
// Refusals say so in `WWW-Authenticate`, as RFC 6750 §3 asks.
import { NextResponse, type NextRequest } from 'next/server'
import { authenticateApiToken, type ApiTokenIdentity } from '@/lib/auth/api-token-repository'
import type { ApiTokenScope } from '@/lib/auth/api-tokens'

const REALM = 'spanlens'

function refusal(status: 401 | 403, body: Record<string, unknown>, challenge: string): NextResponse {
  return NextResponse.json(body, {
    status,
    headers: { 'cache-control': 'no-store', 'www-authenticate': `Bearer realm="${REALM}"${challenge}` },
  })
}

/** The 401 of a token route called with neither a session nor a token. */
export const bearerOrSessionRequired = () =>
  refusal(401, { error: 'unauthorized', message: 'sign in, or send Authorization: Bearer <API token>' }, '')

/** The token's identity (its use audited with the route), or the response refusing it. */
export async function authorizeBearer(
  credentials: string,
  scope: ApiTokenScope,
  request: NextRequest,
): Promise<{ ok: true; token: ApiTokenIdentity } | { ok: false; response: NextResponse }> {
  const token = credentials ? await authenticateApiToken(credentials, { route: `${request.method} ${request.nextUrl.pathname}` }) : null
  if (!token)
    return {
      ok: false,
      response: refusal(401, { error: 'unauthorized', message: 'unknown or revoked API token' }, ', error="invalid_token"'),
    }
  if (!token.scopes.includes(scope))
    return {
      ok: false,
      response: refusal(
        403,
        { error: 'forbidden', message: `this token lacks the scope ${scope}`, scope },
        `, error="insufficient_scope", scope="${scope}"`,
      ),
    }
  return { ok: true, token }
}

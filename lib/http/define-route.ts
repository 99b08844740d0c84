// Route-handler wrapper: guard → authorize → parse → run → JSON, with lib/errors mapped to status
// codes in one place (error-mapping.ts). A 400 names the field: { error: 'invalid_input', issues: [{ path, message }] }.
// Writes (anything but GET/HEAD) must come from our own origin (same-origin.ts) and carry JSON.
// Webhook mode (`webhook: { verify }`, with `permission: { public: true }`) is for machines that sign
// what they post: no session and no origin check; the raw bytes (same size limit) must pass `verify`
// or the answer is 401 before anything else is read, and `run` gets them as `rawBody`.
// Token mode (`token: { scope }`, beside a `permission`) also lets machines in with `Authorization:
// Bearer spl_…` carrying that scope (bearer-token.ts): a session with the permission OR a token with
// the scope. A bearer call carries no ambient credential, so the origin check does not apply to it.
import { NextResponse, type NextRequest } from 'next/server'
import { z } from 'zod'
import type { ApiTokenIdentity } from '@/lib/auth/api-token-repository'
import { bearerCredentials, type ApiTokenScope } from '@/lib/auth/api-tokens'
import { can, type Permission } from '@/lib/auth/permissions'
import type { ActiveUser } from '@/lib/auth/schemas'
import { getCurrentUser } from '@/lib/auth/session'
import { ForbiddenError, UnauthorizedError, type FieldIssue } from '@/lib/errors'
import { authorizeBearer, bearerOrSessionRequired } from './bearer-token'
import { mapError } from './error-mapping'
import { unusablePathParams } from './path-segment'
import { crossSiteReason } from './same-origin'

type RouteContext = { params: Promise<Record<string, string | string[]>> }

type Definition<Q extends z.ZodType, B extends z.ZodType, P extends z.ZodType, R> = {
  /**
   * Every data route names its permission; `public: true` is for health checks and the like (with
   * `identify: true` the handler still learns who is signed in, to say more to them).
   */
  permission: Permission | { public: true; identify?: boolean }
  /** The dynamic path segments (already URL-decoded by Next). */
  params?: P
  query?: Q
  body?: B
  /** Webhook mode: the delivery's signature is the credential (see the top of this file). */
  webhook?: WebhookGuard
  /** Token mode: an API token with this scope may call the route too (see the top of this file). */
  token?: { scope: ApiTokenScope }
  run: (input: {
    user: ActiveUser | null
    query: z.output<Q>
    body: z.output<B>
    params: z.output<P>
    request: NextRequest
    /** The body's bytes as received, in webhook mode; null otherwise. */
    rawBody: Buffer | null
    /** The API token that called, in token mode (then `user` is null). */
    token: ApiTokenIdentity | null
  }) => Promise<R>
}

/** A webhook's signature check over the bytes as received. Throw UnavailableError when the receiver has no secret (503). */
export type WebhookGuard = {
  verify: (delivery: { rawBody: Buffer; headers: Headers }) => { ok: true } | { ok: false; reason: string }
}

/** Bodies we accept: a JSON document of a few hundred KB at most. */
export const MAX_BODY_BYTES = 512 * 1024
const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

const json = (body: unknown, status: number) => NextResponse.json(body, { status, headers: { 'cache-control': 'no-store' } })
const invalid = (issues: FieldIssue[]) => json({ error: 'invalid_input', issues }, 400)
export const issuesOf = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message }))

/** The body's bytes (at most MAX_BODY_BYTES, else the 413), for webhooks whose signature covers them exactly. */
async function readRawBody(request: NextRequest): Promise<{ ok: true; value: Buffer } | { ok: false; response: NextResponse }> {
  const tooBig = {
    ok: false as const,
    response: json({ error: 'payload_too_large', issues: [{ path: '(body)', message: `at most ${MAX_BODY_BYTES} bytes` }] }, 413),
  }
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return tooBig
  const bytes = Buffer.from(await request.arrayBuffer())
  return bytes.length > MAX_BODY_BYTES ? tooBig : { ok: true, value: bytes }
}

/** The body as JSON, or the response that refuses it (wrong type 415, too big 413, not JSON 400). */
async function readJsonBody(request: NextRequest): Promise<{ ok: true; value: unknown } | { ok: false; response: NextResponse }> {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/json') {
    return {
      ok: false,
      response: json(
        { error: 'unsupported_media_type', issues: [{ path: 'content-type', message: 'send the body as application/json' }] },
        415,
      ),
    }
  }
  const tooBig = () => ({
    ok: false as const,
    response: json({ error: 'payload_too_large', issues: [{ path: '(body)', message: `at most ${MAX_BODY_BYTES} bytes` }] }, 413),
  })
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return tooBig()
  const text = await request.text()
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return tooBig()
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false, response: invalid([{ path: '(body)', message: 'expected a JSON document' }]) }
  }
}

export function defineRoute<
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
  P extends z.ZodType = z.ZodType<Record<string, string | string[]>>,
  R = unknown,
>(definition: Definition<Q, B, P, R>) {
  if (definition.webhook && (typeof definition.permission === 'string' || definition.permission.identify || definition.body))
    throw new Error('a webhook route is public, identifies no one and reads its own raw body')
  return async (request: NextRequest, context: RouteContext): Promise<NextResponse> => {
    try {
      let rawBody: Buffer | null = null
      const bearer = definition.token ? bearerCredentials(request.headers.get('authorization')) : null
      if (definition.webhook) {
        const read = await readRawBody(request)
        if (!read.ok) return read.response
        const check = definition.webhook.verify({ rawBody: read.value, headers: request.headers })
        if (!check.ok) throw new UnauthorizedError(`the signature does not verify (${check.reason}); nothing was stored`)
        rawBody = read.value
      } else if (bearer === null && !READS.has(request.method)) {
        const reason = crossSiteReason(request.headers)
        if (reason) throw new ForbiddenError(`cross-site request refused (${reason})`)
      }
      let user: ActiveUser | null = null
      let token: ApiTokenIdentity | null = null
      if (bearer !== null && definition.token) {
        const authorized = await authorizeBearer(bearer, definition.token.scope, request)
        if (!authorized.ok) return authorized.response
        token = authorized.token
      } else if (typeof definition.permission !== 'string') {
        // A public route stays up when the database is not: then nobody is signed in.
        if (definition.permission.identify) user = await getCurrentUser().catch(() => null)
      } else {
        user = await getCurrentUser()
        if (!user && definition.token) return bearerOrSessionRequired()
        if (!user) throw new UnauthorizedError()
        if (user.passwordResetRequired)
          return json({ error: 'password_change_required', message: 'choose a new password first (your password was reset)' }, 403)
        if (!can(user.role, definition.permission)) throw new ForbiddenError(`your role (${user.role}) may not ${definition.permission}`)
      }
      const rawParams = (await context.params) ?? {}
      const unusable = unusablePathParams(rawParams)
      if (unusable.length)
        return invalid(
          unusable.map((path) => ({ path, message: 'not valid text: bad percent-encoding, broken unicode or control characters' })),
        )
      const params = definition.params ? definition.params.safeParse(rawParams) : { success: true as const, data: rawParams }
      if (!params.success) return invalid(issuesOf(params.error))
      const query = definition.query?.safeParse(Object.fromEntries(request.nextUrl.searchParams))
      if (query && !query.success) return invalid(issuesOf(query.error))
      let body: unknown
      if (definition.body) {
        const read = await readJsonBody(request)
        if (!read.ok) return read.response
        const parsed = definition.body.safeParse(read.value)
        if (!parsed.success) return invalid(issuesOf(parsed.error))
        body = parsed.data
      }
      const result = await definition.run({
        user,
        query: query?.data as z.output<Q>,
        body: body as z.output<B>,
        params: params.data as z.output<P>,
        request,
        rawBody,
        token,
      })
      return result instanceof NextResponse ? result : json(result, request.method === 'POST' ? 201 : 200)
    } catch (error) {
      const mapped = mapError(error)
      if (!mapped) throw error
      const { status, ...body } = mapped
      return json(body, status)
    }
  }
}

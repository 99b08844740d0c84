// Route-handler wrapper: parse → authorize → run → JSON, with lib/errors mapped to status codes
// in this one place. A 400 names the field: { error: 'invalid_input', issues: [{ path, message }] }.
import { NextResponse, type NextRequest } from 'next/server'
import { z } from 'zod'
import { can, type Permission } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/schemas'
import { getCurrentUser } from '@/lib/auth/session'
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, UnauthorizedError, UnavailableError, type FieldIssue } from '@/lib/errors'

type RouteContext = { params: Promise<Record<string, string | string[]>> }

type Definition<Q extends z.ZodType, B extends z.ZodType, P extends z.ZodType, R> = {
  /** Every data route names its permission; `public: true` is for health checks and the like. */
  permission: Permission | { public: true }
  /** The dynamic path segments (already URL-decoded by Next). */
  params?: P
  query?: Q
  body?: B
  run: (input: { user: SessionUser | null; query: z.output<Q>; body: z.output<B>; params: z.output<P>; request: NextRequest }) => Promise<R>
}

const json = (body: unknown, status: number) => NextResponse.json(body, { status, headers: { 'cache-control': 'no-store' } })
const invalid = (issues: FieldIssue[]) => json({ error: 'invalid_input', issues }, 400)
const issuesOf = (error: z.ZodError): FieldIssue[] => error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message }))

export function defineRoute<Q extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined, P extends z.ZodType = z.ZodType<Record<string, string | string[]>>, R = unknown>(definition: Definition<Q, B, P, R>) {
  return async (request: NextRequest, context: RouteContext): Promise<NextResponse> => {
    try {
      let user: SessionUser | null = null
      if (typeof definition.permission === 'string') {
        user = await getCurrentUser()
        if (!user) throw new UnauthorizedError()
        if (!can(user.role, definition.permission)) throw new ForbiddenError(`your role (${user.role}) may not ${definition.permission}`)
      }
      const rawParams = await context.params
      const params = definition.params ? definition.params.safeParse(rawParams) : { success: true as const, data: rawParams }
      if (!params.success) return invalid(issuesOf(params.error))
      const query = definition.query?.safeParse(Object.fromEntries(request.nextUrl.searchParams))
      if (query && !query.success) return invalid(issuesOf(query.error))
      let body: unknown
      if (definition.body) {
        const raw = await request.json().catch(() => Symbol.for('unparseable'))
        if (raw === Symbol.for('unparseable')) return invalid([{ path: '(body)', message: 'expected a JSON body' }])
        const parsed = definition.body.safeParse(raw)
        if (!parsed.success) return invalid(issuesOf(parsed.error))
        body = parsed.data
      }
      const result = await definition.run({ user, query: query?.data as z.output<Q>, body: body as z.output<B>, params: params.data as z.output<P>, request })
      return result instanceof NextResponse ? result : json(result, request.method === 'POST' ? 201 : 200)
    } catch (error) {
      if (error instanceof UnauthorizedError) return json({ error: 'unauthorized', message: error.message }, 401)
      if (error instanceof ForbiddenError) return json({ error: 'forbidden', message: error.message }, 403)
      if (error instanceof NotFoundError) return json({ error: 'not_found', message: error.message }, 404)
      if (error instanceof ConflictError) return json({ error: 'conflict', message: error.message }, 409)
      if (error instanceof InvalidInputError) return invalid(error.issues)
      if (error instanceof UnavailableError) return json({ error: 'unavailable', message: error.message }, 503)
      throw error
    }
  }
}

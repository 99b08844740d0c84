// Runs before every page and API request:
// - answers paths with segments Next cannot decode (lib/http/undecodable-segments.ts) itself: a 400
//   naming the parameter for the API, a 404 page otherwise, instead of Next's bare 500; and /api paths
//   naming no route (`/api/v1/x/%2e%2e/y` included) with a JSON 404;
// - gives every page a fresh CSP nonce (lib/http/content-security-policy.ts) and HSTS over https;
// - sends signed-out visitors of app pages to the login page. Only a redirect for convenience:
//   authorization happens where the data is (requireUser / requirePermission / defineRoute / defineAction).
import { NextResponse, type NextRequest } from 'next/server'
import { getToken } from 'next-auth/jwt'
import { env } from '@/lib/env'
import { API_CONTENT_SECURITY_POLICY, contentSecurityPolicy, newNonce, STRICT_TRANSPORT_SECURITY } from '@/lib/http/content-security-policy'
import { apiRouteExists, dynamicRoutePatterns } from '@/lib/http/route-patterns'
import { parameterNameAt, undecodableSegments } from '@/lib/http/undecodable-segments'

/** Pages a signed-out visitor may open. */
const PUBLIC_PAGES = ['/login']

function secureHeaders(request: NextRequest, response: NextResponse, policy: string): NextResponse {
  response.headers.set('content-security-policy', policy)
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'
  if (https) response.headers.set('strict-transport-security', STRICT_TRANSPORT_SECURITY)
  return response
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl
  const undecodable = undecodableSegments(pathname)

  if (pathname.startsWith('/api/')) {
    if (!undecodable.length && !apiRouteExists(pathname))
      return secureHeaders(
        request,
        NextResponse.json(
          { error: 'not_found', message: `no API route at ${pathname}` },
          { status: 404, headers: { 'cache-control': 'no-store' } },
        ),
        API_CONTENT_SECURITY_POLICY,
      )
    if (!undecodable.length) return secureHeaders(request, NextResponse.next(), API_CONTENT_SECURITY_POLICY)
    const issues = undecodable.map((index) => ({
      path: parameterNameAt(dynamicRoutePatterns(), pathname, index) ?? `(path segment ${index})`,
      message: 'not valid percent-encoded UTF-8',
    }))
    return secureHeaders(
      request,
      NextResponse.json({ error: 'invalid_input', issues }, { status: 400, headers: { 'cache-control': 'no-store' } }),
      API_CONTENT_SECURITY_POLICY,
    )
  }
  // A page address that does not decode names nothing we have.
  const target = undecodable.length ? new URL('/not-found', request.url) : null

  if (!PUBLIC_PAGES.includes(pathname) && !(await getToken({ req: request, secret: env().NEXTAUTH_SECRET }))) {
    const login = new URL('/login', request.url)
    login.searchParams.set('callbackUrl', `${pathname}${search}`)
    return NextResponse.redirect(login)
  }

  const nonce = newNonce()
  const policy = contentSecurityPolicy({ nonce, development: env().NODE_ENV === 'development' })
  const headers = new Headers(request.headers)
  headers.set('x-nonce', nonce)
  headers.set('content-security-policy', policy) // Next reads the nonce for its own scripts from here
  const response = target ? NextResponse.rewrite(target, { request: { headers } }) : NextResponse.next({ request: { headers } })
  return secureHeaders(request, response, policy)
}

export const config = {
  // Everything but Next's static files and the app icon; prefetches too (they render pages).
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)'],
}

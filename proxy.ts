// Sends signed-out visitors of app pages to the login page. Only a redirect for convenience:
// authorization happens where the data is (requireUser / requirePermission / defineRoute).
import { NextResponse, type NextRequest } from 'next/server'
import { getToken } from 'next-auth/jwt'
import { env } from '@/lib/env'

export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: env().NEXTAUTH_SECRET })
  if (token) return NextResponse.next()
  const login = new URL('/login', request.url)
  login.searchParams.set('callbackUrl', `${request.nextUrl.pathname}${request.nextUrl.search}`)
  return NextResponse.redirect(login)
}

export const config = {
  // Everything but the login page, API routes (they answer 401 JSON themselves) and static files.
  matcher: ['/((?!login|api/|_next/|favicon.ico|robots.txt|.*\\.(?:svg|png|ico|txt)$).*)'],
}

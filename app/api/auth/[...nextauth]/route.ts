import NextAuth from 'next-auth'
import { authOptions } from '@/lib/auth/config'

// next-auth's own endpoints (csrf, callback/credentials, session, signout): they authenticate, so
// they are the one place without a session check.
type RouteContext = { params: Promise<{ nextauth: string[] }> }
async function handler(request: Request, context: RouteContext) {
  return NextAuth(request as never, { params: await context.params } as never, authOptions())
}

export { handler as GET, handler as POST }

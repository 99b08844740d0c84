// Calls a route handler as Next would, for DB tests of the API (test code only): JSON in, the status,
// headers and parsed JSON out. Who is signed in is the caller's mock of getCurrentUser; a bearer token
// goes in the Authorization header.
import { NextRequest } from 'next/server'

export type RouteHandler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>

export async function callRoute(
  handler: RouteHandler,
  path: string,
  { method = 'GET', body, bearer, params = {} }: { method?: string; body?: unknown; bearer?: string; params?: Record<string, string> } = {},
) {
  const request = new NextRequest(`http://localhost${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const response = await handler(request, { params: Promise.resolve(params) })
  const text = await response.text()
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields it asserts
  const json: any = response.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : text
  return { status: response.status, headers: response.headers, json }
}

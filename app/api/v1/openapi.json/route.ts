import { defineRoute } from '@/lib/http/define-route'
import { buildOpenApiDocument } from '@/lib/http/openapi'

/** The API's description is public: it holds no data. */
export const GET = defineRoute({
  permission: { public: true },
  run: async ({ request }) => buildOpenApiDocument(request.nextUrl.origin),
})

// The OpenAPI 3.0 description of /api/v1, built from the same zod schemas the handlers validate
// with and the browser parses with, so the document cannot drift from the code.
import { z } from 'zod'
import { ALERTING_ROUTES } from './openapi-alerting-routes'
import { ROUTES, WEBHOOKS, WEBHOOK_RESPONSES } from './openapi-routes'
import { SLO_ROUTES } from './openapi-slo-routes'
import { CANARY_ROUTES } from './openapi-canary-routes'

type JsonSchema = {
  type?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  allOf?: JsonSchema[]
  description?: string
  [key: string]: unknown
}

const toSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as JsonSchema

/** An object schema's properties, through intersections (allOf). */
function propertiesOf(schema: JsonSchema): { properties: Record<string, JsonSchema>; required: Set<string> } {
  const parts = [schema, ...(schema.allOf ?? [])]
  return {
    properties: Object.assign({}, ...parts.map((part) => part.properties ?? {})),
    required: new Set(parts.flatMap((part) => part.required ?? [])),
  }
}

const ERROR_RESPONSES = {
  '400': { description: 'Invalid input: `{ error: "invalid_input", issues: [{ path, message }] }` names each field' },
  '401': { description: 'Not signed in' },
  '403': { description: 'Signed in, but the role lacks the permission' },
  '404': { description: 'No such service or operation' },
}

export function buildOpenApiDocument(serverUrl?: string) {
  const paths: Record<string, unknown> = {}
  const schemas: Record<string, JsonSchema> = {}
  for (const route of [...ROUTES, ...ALERTING_ROUTES, ...SLO_ROUTES, ...CANARY_ROUTES]) {
    const parameters = [
      ...Object.entries(route.pathParams ?? {}).map(([name, schema]) => ({
        name,
        in: 'path',
        required: true,
        schema: toSchema(schema, 'input'),
      })),
      ...(() => {
        if (!route.query) return []
        const { properties, required } = propertiesOf(toSchema(route.query, 'input'))
        return Object.entries(properties).map(([name, schema]) => ({ name, in: 'query', required: required.has(name), schema }))
      })(),
    ]
    if (route.response) schemas[route.response.name] = toSchema(route.response.schema, 'output')
    if (route.body) schemas[route.body.name] = toSchema(route.body.schema, 'input')
    paths[route.path] = {
      ...(paths[route.path] as object | undefined),
      [route.method ?? 'get']: {
        summary: route.summary,
        description: route.description,
        parameters,
        ...(route.body && {
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${route.body.name}` } } } },
        }),
        security: route.tokenScope ? [{ session: [] }, { bearer: [] }] : [{ session: [] }],
        responses: {
          [route.okStatus ?? (route.method === 'post' ? '201' : '200')]: {
            description: route.okStatus === '204' ? 'No content' : route.method === 'post' && !route.okStatus ? 'Created' : 'OK',
            ...(route.response && {
              content: { 'application/json': { schema: { $ref: `#/components/schemas/${route.response.name}` } } },
            }),
          },
          ...ERROR_RESPONSES,
          ...(route.tokenScope && {
            '401': { description: 'Not signed in, or an unknown or revoked token (`WWW-Authenticate: Bearer`)' },
            '403': { description: `Signed in without the permission, or a token without the scope ${route.tokenScope}` },
          }),
          ...route.errors,
        },
      },
    }
  }
  for (const webhook of WEBHOOKS) {
    schemas[webhook.body.name] = toSchema(webhook.body.schema, 'input')
    paths[webhook.path] = {
      post: {
        summary: webhook.summary,
        description: webhook.description,
        security: [{ [webhook.scheme]: [] }],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: `#/components/schemas/${webhook.body.name}` } } },
        },
        responses: WEBHOOK_RESPONSES,
      },
    }
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Spanlens API',
      version: '1',
      description:
        'JSON for the Spanlens dashboard: latency summaries read from the Postgres summary store (never from Jaeger). Times are µs since the Unix epoch unless a field says otherwise.',
    },
    servers: serverUrl ? [{ url: serverUrl }] : [],
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'next-auth.session-token',
          description: 'The session cookie of a signed-in user (sign in at /login).',
        },
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token (`spl_…`) an admin created on Settings → API tokens, with the scope the operation names.',
        },
        ...Object.fromEntries(
          WEBHOOKS.map((webhook) => [
            webhook.scheme,
            { type: 'apiKey', in: 'header', name: webhook.header, description: 'An HMAC-SHA256 signature of the raw body' },
          ]),
        ),
      },
      schemas,
    },
    paths,
  }
}

import { describe, expect, test } from 'vitest'
import { buildOpenApiDocument } from './openapi'

describe('buildOpenApiDocument', () => {
  const document = buildOpenApiDocument('http://localhost:3000')
  type Operation = {
    parameters: { name: string; in: string; required: boolean; schema: { enum?: string[] } }[]
    responses: Record<string, { content?: { 'application/json': { schema: { $ref: string } } } }>
  }
  const get = (path: string) => (document.paths[path] as { get: Operation }).get

  test('every latency read is described, with its path and query parameters', () => {
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/services',
        '/api/v1/services/{service}/latency',
        '/api/v1/services/{service}/operations/{operation}/latency',
      ]),
    )
    const operation = get('/api/v1/services/{service}/operations/{operation}/latency')
    expect(operation.parameters.map((parameter) => `${parameter.in}:${parameter.name}:${parameter.required}`)).toEqual([
      'path:service:true',
      'path:operation:true',
      'query:range:false',
      'query:from:false',
      'query:to:false',
      'query:kind:false',
    ])
    expect(operation.parameters.find((parameter) => parameter.name === 'range')!.schema.enum).toEqual(['1h', '6h', '24h', '7d', '30d'])
  })

  test('responses point at component schemas built from the zod schemas', () => {
    const ref = get('/api/v1/services').responses['200']!.content!['application/json'].schema.$ref
    expect(ref).toBe('#/components/schemas/ServicesView')
    const view = document.components.schemas.ServicesView as { properties: Record<string, unknown>; required: string[] }
    expect(view.required).toEqual(expect.arrayContaining(['range', 'services', 'generatedAtUs']))
    expect(document.openapi).toBe('3.0.3')
  })
})

test('the incident webhooks are described as signed POSTs with their bodies', () => {
  const document = buildOpenApiDocument()
  for (const [path, scheme, header] of [
    ['/api/v1/webhooks/pagerduty', 'pagerDutySignature', 'X-PagerDuty-Signature'],
    ['/api/v1/webhooks/incidents', 'spanlensSignature', 'X-Spanlens-Signature'],
  ] as const) {
    const post = (document.paths[path] as { post: { security: unknown[]; responses: Record<string, unknown> } }).post
    expect(post.security).toEqual([{ [scheme]: [] }])
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['202', '400', '401']))
    expect(document.components.securitySchemes).toHaveProperty(scheme, expect.objectContaining({ in: 'header', name: header }))
  }
  const incident = document.components.schemas.IncidentInput as { properties: Record<string, unknown> }
  expect(Object.keys(incident.properties)).toEqual(expect.arrayContaining(['id', 'services', 'startedAt', 'resolvedAt', 'traceIds']))
})

describe('buildOpenApiDocument, writes', () => {
  const document = buildOpenApiDocument()
  type Write = {
    requestBody: { content: { 'application/json': { schema: { $ref: string } } } }
    security: Record<string, string[]>[]
    responses: Record<string, unknown>
  }
  test('overhead measurements: a GET and two POSTs with their bodies, a session or a bearer token', () => {
    const paths = document.paths as Record<string, { get?: unknown; post?: Write }>
    expect(paths['/api/v1/overhead-measurements']!.get).toBeDefined()
    for (const path of ['/api/v1/overhead-measurements', '/api/v1/overhead-measurements/k6']) {
      const post = paths[path]!.post!
      expect(post.security).toEqual([{ session: [] }, { bearer: [] }])
      expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '422']))
    }
    const input = document.components.schemas.OverheadMeasurementInput as { required: string[] }
    expect(input.required).toEqual(expect.arrayContaining(['service', 'p50OnMs', 'p95OffMs', 'samplesOn', 'method', 'measuredAt']))
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' })
  })
})

test('the single-rule API: POST 201, GET and PUT on {id} with their bodies, DELETE 204 with none; a session or an alerts.write token', () => {
  const document = buildOpenApiDocument()
  type Operation = { security: unknown[]; requestBody?: unknown; responses: Record<string, { description: string; content?: unknown }> }
  const paths = document.paths as Record<string, Record<'get' | 'post' | 'put' | 'delete', Operation | undefined>>
  const one = paths['/api/v1/rules/{id}']!
  expect(Object.keys(paths['/api/v1/rules']!).sort()).toEqual(['get', 'post'])
  expect(Object.keys(one).sort()).toEqual(['delete', 'get', 'put'])
  expect(Object.keys(paths['/api/v1/rules']!.post!.responses)).toEqual(expect.arrayContaining(['201', '400', '409']))
  expect(Object.keys(one.put!.responses)).toEqual(expect.arrayContaining(['200', '404', '409']))
  expect(one.delete!.responses['204']).toEqual({ description: 'No content' })
  expect(one.delete!.requestBody).toBeUndefined()
  for (const operation of [paths['/api/v1/rules']!.post!, one.put!, one.delete!]) {
    expect(operation.security).toEqual([{ session: [] }, { bearer: [] }])
    expect(operation.responses['422']).toBeUndefined()
  }
  const replace = document.components.schemas.AlertRuleReplaceBody as { properties: Record<string, unknown>; required: string[] }
  expect(Object.keys(replace.properties)).toEqual(expect.arrayContaining(['name', 'condition', 'selector', 'version']))
  expect(replace.required).toEqual(expect.arrayContaining(['name', 'condition', 'selector']))
  expect(replace.required).not.toContain('version')
})

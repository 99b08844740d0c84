import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'

// A routes manifest as Next's build writes it (.next/routes-manifest.json), trimmed to what is read.
const MANIFEST = {
  staticRoutes: [
    { page: '/api/v1/channels', regex: '^/api/v1/channels(?:/)?$' },
    { page: '/alerts', regex: '^/alerts(?:/)?$' },
  ],
  dynamicRoutes: [
    { page: '/api/v1/channels/[id]/test', regex: '^/api/v1/channels/([^/]+?)/test(?:/)?$' },
    { page: '/api/v1/services/[service]/latency', regex: '^/api/v1/services/([^/]+?)/latency(?:/)?$' },
  ],
}

let cwd = ''
const original = process.cwd()
beforeEach(() => {
  cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'spanlens-routes-'))
  vi.resetModules()
})
afterEach(() => {
  process.chdir(original)
  fs.rmSync(cwd, { recursive: true, force: true })
})

async function load(manifest: object | null) {
  if (manifest) {
    fs.mkdirSync(path.join(cwd, '.next'))
    fs.writeFileSync(path.join(cwd, '.next', 'routes-manifest.json'), JSON.stringify(manifest))
  }
  process.chdir(cwd)
  return import('./route-patterns')
}

describe('apiRouteExists', () => {
  test('a path naming a route handler, static or dynamic, exists', async () => {
    const { apiRouteExists } = await load(MANIFEST)
    expect(apiRouteExists('/api/v1/channels')).toBe(true)
    expect(apiRouteExists('/api/v1/channels/')).toBe(true)
    expect(apiRouteExists('/api/v1/channels/3f0c/test')).toBe(true)
    expect(apiRouteExists('/api/v1/services/checkout/latency')).toBe(true)
  })

  test('dot segments are resolved first, as Next resolves them: /x/%2e%2e/test names /api/v1/test, which is nothing', async () => {
    const { apiRouteExists } = await load(MANIFEST)
    expect(apiRouteExists('/api/v1/channels/%2e%2e/test')).toBe(false)
    expect(apiRouteExists('/api/v1/channels/%2E%2E/test')).toBe(false)
    expect(apiRouteExists('/api/v1/channels/../test')).toBe(false)
    expect(apiRouteExists('/api/v1/channels/./')).toBe(true)
  })

  test('pages are not API routes', async () => {
    const { apiRouteExists } = await load(MANIFEST)
    expect(apiRouteExists('/api/v1/nothing')).toBe(false)
    expect(apiRouteExists('/alerts')).toBe(false)
  })

  test('without a build manifest every path may exist (Next answers)', async () => {
    const { apiRouteExists, dynamicRoutePatterns } = await load(null)
    expect(apiRouteExists('/api/v1/nothing')).toBe(true)
    expect(dynamicRoutePatterns()).toEqual([])
  })

  test('dynamicRoutePatterns lists the dynamic pages', async () => {
    const { dynamicRoutePatterns } = await load(MANIFEST)
    expect(dynamicRoutePatterns()).toEqual(['/api/v1/channels/[id]/test', '/api/v1/services/[service]/latency'])
  })
})

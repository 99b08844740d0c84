import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { EnvError, LOCAL_DIR, parseEnv } from './env'

const SECRET = 'x'.repeat(40)
const issuesOf = (source: Record<string, string | undefined>) => {
  try {
    parseEnv(source)
  } catch (error) {
    if (error instanceof EnvError) return error.issues
    throw error
  }
  return []
}

describe('parseEnv', () => {
  test("defaults: local Jaeger, UI link to the same place, port 3000, the demo's own ports", () => {
    const env = parseEnv({ NEXTAUTH_SECRET: SECRET })
    expect(env).toMatchObject({
      JAEGER_URL: 'http://127.0.0.1:16686',
      JAEGER_UI_URL: 'http://127.0.0.1:16686',
      PORT: 3000,
      SPANLENS_DEMO: false,
      DEMO_JAEGER_PORT: 16686,
      DEMO_RECEIVER_PORT: 9094,
    })
    expect(env.DATABASE_URL).toBeUndefined()
  })

  test.each([
    ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost/x' }, /postgres/],
    ['JAEGER_URL', { JAEGER_URL: 'localhost:16686' }, /http/],
    ['PORT', { PORT: 'eighty' }, /number/i],
    ['PORT', { PORT: '70000' }, /65535/],
    ['DEMO_RECEIVER_PORT', { DEMO_RECEIVER_PORT: '9094x' }, /number/i],
    ['NEXTAUTH_SECRET', { NEXTAUTH_SECRET: 'short' }, /32 characters/],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }, /fatal/],
  ])('a bad %s is refused, naming the variable', (variable, source, message) => {
    const issues = issuesOf({ NEXTAUTH_SECRET: SECRET, ...source })
    expect(issues.map((issue) => issue.variable)).toEqual([variable])
    expect(issues[0]?.message).toMatch(message)
  })

  test('production without NEXTAUTH_SECRET refuses to start', () => {
    expect(issuesOf({ NODE_ENV: 'production', NEXTAUTH_URL: 'https://spanlens.example.com' })).toEqual([
      { variable: 'NEXTAUTH_SECRET', message: expect.stringMatching(/required in production/) },
    ])
  })

  test.each([
    ['missing', {}, /required in production/],
    ['plain http on a public host', { NEXTAUTH_URL: 'http://spanlens.example.com' }, /must be https/],
  ])('production with NEXTAUTH_URL %s refuses to start', (_label, source, message) => {
    const issues = issuesOf({ NODE_ENV: 'production', NEXTAUTH_SECRET: SECRET, ...source })
    expect(issues).toEqual([{ variable: 'NEXTAUTH_URL', message: expect.stringMatching(message) }])
  })

  test.each(['https://spanlens.example.com', 'http://localhost:3000', 'http://127.0.0.1:3107', 'http://[::1]:3000'])(
    'production accepts NEXTAUTH_URL %s',
    (url) => {
      expect(issuesOf({ NODE_ENV: 'production', NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: url })).toEqual([])
    },
  )

  test('demo mode generates a secret once and keeps it in the git-ignored .local folder', () => {
    const first = parseEnv({ NODE_ENV: 'production', SPANLENS_DEMO: '1' }).NEXTAUTH_SECRET
    const second = parseEnv({ NODE_ENV: 'production', SPANLENS_DEMO: '1' }).NEXTAUTH_SECRET
    expect(first).toHaveLength(43)
    expect(second).toBe(first)
    expect(fs.readFileSync(path.join(LOCAL_DIR, 'nextauth-secret'), 'utf8').trim()).toBe(first)
  })
})

import { describe, expect, test } from 'vitest'
import { parameterNameAt, undecodableSegments } from './undecodable-segments'

const PATTERNS = [
  '/api/auth/[...nextauth]',
  '/api/v1/services/[service]/latency',
  '/api/v1/services/[service]/operations/[operation]/latency',
  '/api/v1/users/[id]',
  '/services/[service]/[operation]',
]

describe('undecodableSegments', () => {
  test.each(['/api/v1/services/auth-service/latency', '/services/a/GET%20%2Fusers', '/', ''])('%s decodes', (path) =>
    expect(undecodableSegments(path)).toEqual([]),
  )
  test.each(['%zz', '%FF%FE', '%ED%A0%80', '%C0%AE%C0%AE', '%', 'abc%'])('%s does not', (segment) =>
    expect(undecodableSegments(`/api/v1/services/${segment}/latency`)).toEqual([4]),
  )
})

describe('parameterNameAt', () => {
  test.each<[string, string, number, string | null]>([
    ['a service', '/api/v1/services/%zz/latency', 4, 'service'],
    ['an operation', '/api/v1/services/a/operations/%FF/latency', 6, 'operation'],
    ['a user id', '/api/v1/users/%', 4, 'id'],
    ['a catch-all', '/api/auth/callback/%zz', 4, 'nextauth'],
    ['a page', '/services/%zz/x', 2, 'service'],
    ['no route matches', '/api/v2/things/%zz', 4, null],
    ['a literal segment that does not decode', '/api/v1/%zz/x/latency', 3, null],
  ])('%s', (_label, path, index, name) => expect(parameterNameAt(PATTERNS, path, index)).toBe(name))
})

import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { safeLocalPath } from './safe-local-path'

describe('safeLocalPath', () => {
  test.each<[string, unknown, string]>([
    ['a page', '/services/auth-service', '/services/auth-service'],
    ['with its query and fragment', '/services?status=slow#top', '/services?status=slow#top'],
    ['an encoded operation name stays encoded', '/services/a/GET%20%2Fusers', '/services/a/GET%20%2Fusers'],
    ['dot segments inside the site are resolved', '/a/../settings', '/settings'],
    ['missing', undefined, '/'],
    ['not a string', ['/a'], '/'],
    ['empty', '', '/'],
    ['an absolute URL', 'https://example.org/', '/'],
    ['protocol-relative', '//example.org', '/'],
    ['dot then double slash', '/.//example.org', '/'],
    ['dot-dot then double slash', '/..//example.org', '/'],
    ['backslash after dot-dot', '/a/../\\example.org', '/'],
    ['slash backslash', '/\\example.org', '/'],
    ['a tab the browser would drop', '/\t/example.org', '/'],
    ['a newline', '/\n/example.org', '/'],
    ['encoded slashes', '/%2F%2Fexample.org', '/'],
    ['encoded backslash', '/%5Cexample.org', '/'],
    ['a scheme', 'javascript:alert(1)', '/'],
    ['a data URL', 'data:text/html,hi', '/'],
    ['relative', 'services', '/'],
    ['bad percent-encoding', '/%zz', '/'],
    ['very long', `/${'a'.repeat(3000)}`, '/'],
  ])('%s', (_label, candidate, expected) => expect(safeLocalPath(candidate)).toBe(expected))

  test('whatever it is given, the answer resolves to this site, also after one more decoding', () => {
    fc.assert(
      fc.property(
        fc
          .oneof(
            fc.string(),
            fc.webUrl(),
            fc.string().map((s) => `/${s}`),
            fc.constantFrom('/', '//', '/\\', '%2F'),
          )
          .chain((s) => fc.constant(s)),
        (candidate) => {
          const local = safeLocalPath(candidate)
          expect(local.startsWith('/')).toBe(true)
          expect(local.startsWith('//')).toBe(false)
          expect(new URL(local, 'https://app.test/').origin).toBe('https://app.test')
          expect(new URL(decodeURIComponent(local), 'https://app.test/').origin).toBe('https://app.test')
        },
      ),
      { numRuns: 500 },
    )
  })
})

import { describe, expect, test } from 'vitest'
import { crossSiteReason } from './same-origin'

const headers = (values: Record<string, string>) => new Headers(values)

describe('crossSiteReason', () => {
  test.each<[string, Record<string, string>, boolean]>([
    ['our own page', { host: 'spanlens.example.com', origin: 'https://spanlens.example.com', 'sec-fetch-site': 'same-origin' }, true],
    ['behind a proxy', { host: '10.0.0.5:3000', 'x-forwarded-host': 'spanlens.example.com', origin: 'https://spanlens.example.com' }, true],
    ['a script with a token (no browser headers)', { host: 'spanlens.example.com' }, true],
    ['another site', { host: 'spanlens.example.com', origin: 'https://evil.example.org', 'sec-fetch-site': 'cross-site' }, false],
    [
      'a sibling on the same host (Jaeger UI on another port)',
      { host: 'localhost:3000', origin: 'http://localhost:16686', 'sec-fetch-site': 'same-site' },
      false,
    ],
    ['Sec-Fetch-Site alone says cross-site', { host: 'spanlens.example.com', 'sec-fetch-site': 'cross-site' }, false],
    ['Origin null (sandboxed frame, data: URL)', { host: 'spanlens.example.com', origin: 'null' }, false],
    ['Origin without a host header to compare', { origin: 'https://spanlens.example.com' }, false],
  ])('%s', (_label, values, acceptable) => expect(crossSiteReason(headers(values)) === null).toBe(acceptable))
})

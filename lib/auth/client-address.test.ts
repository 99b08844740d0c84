import { describe, expect, test } from 'vitest'
import { computeClientAddress } from './client-address'

describe('computeClientAddress', () => {
  test.each<[string, string | string[] | undefined, number, string]>([
    ['reached directly: the socket address Next wrote', '203.0.113.7', 1, '203.0.113.7'],
    ['IPv4-mapped IPv6 is shown as IPv4', '::ffff:127.0.0.1', 1, '127.0.0.1'],
    ['IPv6 stays as it is', '2001:db8::1', 1, '2001:db8::1'],
    ['behind one proxy, a forged entry on the left is ignored', '6.6.6.6, 203.0.113.7', 1, '203.0.113.7'],
    ['behind two proxies', '6.6.6.6, 203.0.113.7, 10.0.0.2', 2, '203.0.113.7'],
    ['fewer entries than hops: the leftmost', '203.0.113.7', 3, '203.0.113.7'],
    ['no header', undefined, 1, 'unknown'],
    ['junk is not used as a key', '<script>', 1, 'unknown'],
    ['repeated headers are joined', ['6.6.6.6', '203.0.113.7'], 1, '203.0.113.7'],
  ])('%s', (_label, header, hops, expected) => expect(computeClientAddress(header, hops)).toBe(expected))
})

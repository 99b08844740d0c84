import { expect, test } from 'vitest'
import { contentSecurityPolicy, newNonce } from './content-security-policy'

test('the page policy names the nonce, forbids framing and plugins, and allows eval only in development', () => {
  const policy = contentSecurityPolicy({ nonce: 'abc123', development: false })
  expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'")
  expect(policy).toContain("frame-ancestors 'none'")
  expect(policy).toContain("object-src 'none'")
  expect(policy).not.toContain('unsafe-eval')
  expect(contentSecurityPolicy({ nonce: 'x', development: true })).toContain("'unsafe-eval'")
})

test('nonces are 128 random bits, different every time', () => {
  const nonces = new Set(Array.from({ length: 100 }, newNonce))
  expect(nonces.size).toBe(100)
  for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16)
})

// HMAC-SHA256 as both incident webhooks sign: the digest, and a constant-time check of hex signatures
// from a header against it (node:crypto's timingSafeEqual, never ===).
import { createHmac, timingSafeEqual } from 'node:crypto'

export const SHA256_HEX_DIGITS = 64
const SHA256_HEX = /^[0-9a-fA-F]{64}$/

/** HMAC-SHA256 of the parts in order; a string is taken as UTF-8, and so is the secret (used as given, not decoded). */
export function hmacSha256(secret: string, ...parts: (string | Buffer)[]): Buffer {
  const hmac = createHmac('sha256', secret)
  for (const part of parts) hmac.update(part)
  return hmac.digest()
}

export const isSha256Hex = (value: string) => SHA256_HEX.test(value)

/**
 * A signature header's comma-separated `name=value` parts, spaces around them tolerated and blank
 * parts skipped; null when a part is not `name=value`. What the names mean is the caller's.
 */
export function signatureHeaderParts(header: string): { name: string; value: string }[] | null {
  const parts: { name: string; value: string }[] = []
  for (const part of header.split(',')) {
    if (part.trim() === '') continue
    const match = /^\s*([A-Za-z0-9]+)\s*=\s*(\S+)\s*$/.exec(part)
    if (!match) return null
    parts.push({ name: match[1]!, value: match[2]! })
  }
  return parts
}

/**
 * True when any signature (hex, any case; callers checked isSha256Hex) equals any expected digest.
 * Every pair is compared, so the time taken says nothing about which, if any, matched.
 */
export function anySignatureMatches(signaturesHex: readonly string[], expected: readonly Buffer[]): boolean {
  let matched = false
  for (const signature of signaturesHex) {
    const bytes = Buffer.from(signature, 'hex')
    for (const digest of expected) {
      if (bytes.length === digest.length && timingSafeEqual(bytes, digest)) matched = true
    }
  }
  return matched
}

// A trace id from a URL path as Jaeger 2.20 reads it (jaeger PR #8828, in both http_handler.go and
// apiv3/http_gateway.go): model.TraceIDFromString's hex first — up to 32 digits, unpadded allowed —
// then base64 (standard or URL alphabet, with or without padding) of 8 or 16 bytes. On failure
// the hex parser's error is the one reported.
import { goParseHexUint64 } from './go-strconv'

export type ParsedTraceId = { ok: true; hex: string } | { ok: false; error: string }

const ALPHABETS = [
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
]

/** encoding/base64 DecodeString (non-strict), or null when the input is not valid for that encoding. */
function decodeBase64(text: string, alphabet: string, padded: boolean): Uint8Array | null {
  const input = text.replace(/[\r\n]/g, '')
  let body = input
  if (padded) {
    if (input.length % 4 !== 0) return null
    body = input.replace(/={1,2}$/, '')
  } else if (input.length % 4 === 1) {
    return null
  }
  const bytes: number[] = []
  let buffer = 0
  let bits = 0
  for (const char of body) {
    const value = alphabet.indexOf(char)
    if (value < 0) return null
    buffer = (buffer << 6) | value
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes.push((buffer >> bits) & 0xff)
    }
  }
  return new Uint8Array(bytes)
}

const hex = (bytes: Uint8Array) => [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')

export function parseTraceIdParam(text: string): ParsedTraceId {
  let hexError: string | undefined
  if (text.length > 32) {
    hexError = `TraceID cannot be longer than 32 hex characters: ${text}`
  } else {
    const high = text.length > 16 ? goParseHexUint64(text.slice(0, text.length - 16)) : { ok: true as const, value: 0n }
    const low = high.ok ? goParseHexUint64(text.length > 16 ? text.slice(text.length - 16) : text) : high
    if (high.ok && low.ok) return { ok: true, hex: high.value.toString(16).padStart(16, '0') + low.value.toString(16).padStart(16, '0') }
    hexError = high.ok ? (low.ok ? '' : low.error) : high.error
  }
  for (const padded of [true, false]) {
    for (const alphabet of ALPHABETS) {
      const bytes = decodeBase64(text, alphabet, padded)
      if (!bytes) continue
      if (bytes.length === 16) return { ok: true, hex: hex(bytes) }
      if (bytes.length === 8) return { ok: true, hex: '0'.repeat(16) + hex(bytes) }
      return { ok: false, error: 'invalid length for TraceID' }
    }
  }
  return { ok: false, error: hexError }
}

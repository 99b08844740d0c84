// Trace and span ids arrive as hex (any case, unpadded from Jaeger ≤ 1.14) or base64 (the api/v3
// grpc-gateway of Jaeger ≤ 1.52). Normalised to lower-case hex, left-padded: 32 digits for trace ids,
// 16 for span ids, so ids from either API and any Jaeger version join.

export const TRACE_ID_HEX = 32
export const SPAN_ID_HEX = 16

const HEX = /^[0-9a-fA-F]+$/
const CANONICAL = { 16: /^[0-9a-f]{16}$/, 32: /^[0-9a-f]{32}$/ }
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/

/** Throws on an id that is neither; an all-hex string is read as hex (base64 ids carry padding). */
export function normalizeId(raw: string, width: typeof TRACE_ID_HEX | typeof SPAN_ID_HEX): string {
  if (raw.length === width && CANONICAL[width].test(raw)) return raw // the common case: no new string
  if (raw.length > 0 && raw.length <= width && HEX.test(raw)) return raw.toLowerCase().padStart(width, '0')
  if (BASE64.test(raw)) {
    const hex = Buffer.from(raw, 'base64').toString('hex')
    if (hex.length > 0 && hex.length <= width) return hex.padStart(width, '0')
  }
  throw new Error(`id ${JSON.stringify(raw.slice(0, 40))} is neither hex nor base64 of at most ${width / 2} bytes`)
}

export const normalizeTraceId = (raw: string) => normalizeId(raw, TRACE_ID_HEX)
export const normalizeSpanId = (raw: string) => normalizeId(raw, SPAN_ID_HEX)

/** Parent ids of zero mean "no parent" in OTLP and Jaeger alike. */
export const isZeroId = (hex: string) => /^0+$/.test(hex)

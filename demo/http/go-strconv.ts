// Go's strconv parsers with their exact error texts, because Jaeger puts them in its 400 bodies:
// `strconv.ParseInt: parsing "x": invalid syntax`, `… value out of range`.

export type GoParsed<T> = { ok: true; value: T } | { ok: false; error: string }

const isPrintable = (codePoint: number) =>
  codePoint >= 0x20 && codePoint !== 0x7f && !(codePoint >= 0x80 && codePoint < 0xa0) && !(codePoint >= 0xd800 && codePoint < 0xe000)
const SHORT_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
}

/** strconv.Quote: printable runes kept, the rest escaped Go-style. */
export function goQuote(text: string): string {
  let quoted = '"'
  for (const char of text) {
    const codePoint = char.codePointAt(0)!
    if (char === '"' || char === '\\') quoted += `\\${char}`
    else if (isPrintable(codePoint)) quoted += char
    else if (SHORT_ESCAPES[char]) quoted += SHORT_ESCAPES[char]
    else if (codePoint < 0x80) quoted += `\\x${codePoint.toString(16).padStart(2, '0')}`
    else if (codePoint < 0x10000) quoted += `\\u${codePoint.toString(16).padStart(4, '0')}`
    else quoted += `\\U${codePoint.toString(16).padStart(8, '0')}`
  }
  return `${quoted}"`
}

const numError = (fn: string, input: string, reason: 'invalid syntax' | 'value out of range') => ({
  ok: false as const,
  error: `strconv.${fn}: parsing ${goQuote(input)}: ${reason}`,
})

/** strconv.ParseUint(text, base, bitSize) (base 10 or 16: no prefixes, no underscores, no sign). */
function parseUnsigned(text: string, base: 10 | 16, bitSize: number, fn: string, reported = text): GoParsed<bigint> {
  if (text === '') return numError(fn, reported, 'invalid syntax')
  const max = (1n << BigInt(bitSize)) - 1n
  let value = 0n
  for (const char of text) {
    const digit = /^[0-9a-fA-F]$/.test(char) ? Number.parseInt(char, 16) : Number.NaN
    if (!(digit < base)) return numError(fn, reported, 'invalid syntax')
    value = value * BigInt(base) + BigInt(digit)
    if (value > max) return numError(fn, reported, 'value out of range')
  }
  return { ok: true, value }
}

/** strconv.ParseInt(text, 10, bitSize). */
export function goParseInt(text: string, bitSize: number, fn = 'ParseInt'): GoParsed<bigint> {
  if (text === '') return numError(fn, text, 'invalid syntax')
  const negative = text[0] === '-'
  const digits = text[0] === '+' || text[0] === '-' ? text.slice(1) : text
  const unsigned = parseUnsigned(digits, 10, bitSize, fn, text)
  if (!unsigned.ok) return unsigned
  const cutoff = 1n << BigInt(bitSize - 1)
  if ((!negative && unsigned.value >= cutoff) || (negative && unsigned.value > cutoff)) return numError(fn, text, 'value out of range')
  return { ok: true, value: negative ? -unsigned.value : unsigned.value }
}

/** strconv.Atoi on a 64-bit platform. */
export function goAtoi(text: string): GoParsed<number> {
  const parsed = goParseInt(text, 64, 'Atoi')
  return parsed.ok ? { ok: true, value: Number(parsed.value) } : parsed
}

/** strconv.ParseUint(text, 16, 64), as model.TraceIDFromString applies it to each half of an id. */
export function goParseHexUint64(text: string): GoParsed<bigint> {
  return parseUnsigned(text, 16, 64, 'ParseUint')
}

/** strconv.ParseBool. */
export function goParseBool(text: string): GoParsed<boolean> {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return { ok: true, value: true }
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return { ok: true, value: false }
  return { ok: false, error: `strconv.ParseBool: parsing ${goQuote(text)}: invalid syntax` }
}

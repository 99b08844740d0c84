// json.Unmarshal(text, &map[string]string{}) with Go's error texts: the syntax scanner's
// "invalid character 'x' looking for beginning of value", "unexpected end of JSON input", then
// type errors such as "json: cannot unmarshal number into Go value of type string".
import { goQuote, type GoParsed } from './go-strconv'

const END = 'unexpected end of JSON input'

/** encoding/json quoteChar, applied to the first byte of the offending character. */
function quoteChar(char: string): string {
  if (char === "'") return `'\\''`
  if (char === '"') return `'"'`
  const byte = new TextEncoder().encode(char)[0]!
  return `'${goQuote(String.fromCharCode(byte)).slice(1, -1)}'`
}

/** The scanner's error for the first syntax problem, or null when the text is valid JSON. */
function syntaxError(text: string): string | null {
  let index = 0
  const peek = () => text[index]
  const skipSpace = () => {
    while (index < text.length && ' \t\r\n'.includes(text[index]!)) index++
  }
  const fail = (context: string): never => {
    throw new Error(
      index >= text.length ? END : `invalid character ${quoteChar(String.fromCodePoint(text.codePointAt(index)!))} ${context}`,
    )
  }
  const digits = (context: string) => {
    if (!/[0-9]/.test(peek() ?? '')) fail(context)
    while (/[0-9]/.test(peek() ?? '')) index++
  }
  const literal = (word: string) => {
    for (const expected of word) {
      if (peek() !== expected) fail(`in literal ${word} (expecting ${quoteChar(expected)})`)
      index++
    }
  }
  const string = () => {
    index++
    for (;;) {
      const char = peek()
      if (char === undefined) fail('in string literal')
      if (char === '"') return void index++
      if (char === '\\') {
        index++
        if (peek() === 'u') {
          index++
          for (let digit = 0; digit < 4; digit++, index++)
            if (!/[0-9a-fA-F]/.test(peek() ?? '')) fail('in \\u hexadecimal character escape')
        } else if ('bfnrt"\\/'.includes(peek() ?? '!')) {
          index++
        } else {
          fail('in string escape code')
        }
      } else if (char! < ' ') {
        fail('in string literal')
      } else {
        index++
      }
    }
  }
  const value = (): void => {
    skipSpace()
    const char = peek()
    if (char === '{') {
      index++
      skipSpace()
      if (peek() === '}') return void index++
      for (;;) {
        skipSpace()
        if (peek() !== '"') fail('looking for beginning of object key string')
        string()
        skipSpace()
        if (peek() !== ':') fail('after object key')
        index++
        value()
        skipSpace()
        if (peek() === ',') index++
        else if (peek() === '}') return void index++
        else fail('after object key:value pair')
      }
    }
    if (char === '[') {
      index++
      skipSpace()
      if (peek() === ']') return void index++
      for (;;) {
        value()
        skipSpace()
        if (peek() === ',') index++
        else if (peek() === ']') return void index++
        else fail('after array element')
      }
    }
    if (char === '"') return string()
    if (char === '-' || /[0-9]/.test(char ?? '')) {
      if (char === '-') index++
      if (peek() === '0') index++
      else digits('in numeric literal')
      if (peek() === '.') {
        index++
        digits('after decimal point in numeric literal')
      }
      if (peek() === 'e' || peek() === 'E') {
        index++
        if (peek() === '+' || peek() === '-') index++
        digits('in exponent of numeric literal')
      }
      return
    }
    if (char === 't') return literal('true')
    if (char === 'f') return literal('false')
    if (char === 'n') return literal('null')
    fail('looking for beginning of value')
  }
  try {
    value()
    skipSpace()
    if (index < text.length) fail('after top-level value')
    return null
  } catch (error) {
    return (error as Error).message
  }
}

const jsonKind = (value: unknown) =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : typeof value === 'boolean'
        ? 'bool'
        : typeof value === 'object'
          ? 'object'
          : typeof value

export function goUnmarshalStringMap(text: string): GoParsed<Map<string, string>> {
  const syntax = syntaxError(text)
  if (syntax) return { ok: false, error: syntax }
  const parsed: unknown = JSON.parse(text)
  if (parsed === null) return { ok: true, value: new Map() }
  if (jsonKind(parsed) !== 'object')
    return { ok: false, error: `json: cannot unmarshal ${jsonKind(parsed)} into Go value of type map[string]string` }
  const map = new Map<string, string>()
  let typeError: string | undefined
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof value === 'string' || value === null) map.set(key, value ?? '')
    else typeError ??= `json: cannot unmarshal ${jsonKind(value)} into Go value of type string`
  }
  return typeError ? { ok: false, error: typeError } : { ok: true, value: map }
}

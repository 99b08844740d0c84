// Go's time.Parse(time.RFC3339Nano, …) and time.ParseDuration, with Go's error texts (which Jaeger
// forwards in its 400 bodies). The RFC 3339 parser follows Go's general layout parser, the path that
// produces errors: 2006 - 01 - 02 T 15 : 04 : 05 .999999999 Z07:00.
import type { GoParsed } from './go-strconv'

export const RFC3339_NANO = '2006-01-02T15:04:05.999999999Z07:00'

/** time's own quote(): ASCII kept (with \" and \\), everything else as \x bytes of its UTF-8. */
export function goTimeQuote(text: string): string {
  let quoted = '"'
  for (const char of text) {
    const codePoint = char.codePointAt(0)!
    if (codePoint >= 0x80 || codePoint < 0x20) {
      for (const byte of new TextEncoder().encode(char)) quoted += `\\x${byte.toString(16).padStart(2, '0')}`
    } else {
      quoted += char === '"' || char === '\\' ? `\\${char}` : char
    }
  }
  return `${quoted}"`
}

const isDigit = (text: string, index: number) => index < text.length && text[index]! >= '0' && text[index]! <= '9'

/** time.getnum: one or (fixed) exactly two leading digits. */
function getnum(text: string, fixed: boolean): [number, string] | null {
  if (!isDigit(text, 0)) return null
  if (!isDigit(text, 1)) return fixed ? null : [Number(text[0]), text.slice(1)]
  return [Number(text.slice(0, 2)), text.slice(2)]
}

/** time.atoi: optional sign, then digits only. */
function atoi(text: string): number | null {
  const digits = text[0] === '-' || text[0] === '+' ? text.slice(1) : text
  if (!/^\d*$/.test(digits)) return null
  const value = digits === '' ? 0 : Number(digits)
  return text[0] === '-' ? -value : value
}

const daysIn = (month: number, year: number) =>
  new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 1 : 0)

/** Parses an RFC 3339 timestamp to ns since the epoch. */
export function goParseRfc3339Nano(value: string): GoParsed<bigint> {
  const cannotParse = (rest: string, element: string) => ({
    ok: false as const,
    error: `parsing time ${goTimeQuote(value)} as ${goTimeQuote(RFC3339_NANO)}: cannot parse ${goTimeQuote(rest)} as ${goTimeQuote(element)}`,
  })
  const outOfRange = (what: string) => ({ ok: false as const, error: `parsing time ${goTimeQuote(value)}: ${what} out of range` })
  let rest = value
  const literal = (char: string) => {
    if (rest[0] !== char) return false
    rest = rest.slice(1)
    return true
  }
  const twoDigits = (element: string, fixed: boolean, max: number, what: string): number | { ok: false; error: string } => {
    const parsed = getnum(rest, fixed)
    if (!parsed) return cannotParse(rest, element)
    if (parsed[0] >= max || (element === '01' && parsed[0] === 0)) return outOfRange(what)
    rest = parsed[1]
    return parsed[0]
  }

  if (rest.length < 4) return cannotParse(rest, '2006')
  const year = atoi(rest.slice(0, 4))
  if (year === null) return cannotParse(rest, '2006')
  rest = rest.slice(4)
  if (!literal('-')) return cannotParse(rest, '-')
  const month = twoDigits('01', true, 13, 'month')
  if (typeof month !== 'number') return month
  if (!literal('-')) return cannotParse(rest, '-')
  const dayParsed = getnum(rest, true)
  if (!dayParsed) return cannotParse(rest, '02')
  const [day] = dayParsed
  rest = dayParsed[1]
  if (!literal('T')) return cannotParse(rest, 'T')
  const hour = twoDigits('15', false, 24, 'hour')
  if (typeof hour !== 'number') return hour
  if (!literal(':')) return cannotParse(rest, ':')
  const minute = twoDigits('04', true, 60, 'minute')
  if (typeof minute !== 'number') return minute
  if (!literal(':')) return cannotParse(rest, ':')
  const second = twoDigits('05', true, 60, 'second')
  if (typeof second !== 'number') return second

  let nanos = 0
  if (rest.length >= 2 && (rest[0] === '.' || rest[0] === ',') && isDigit(rest, 1)) {
    let end = 1
    while (isDigit(rest, end)) end++
    nanos = Number(rest.slice(1, Math.min(end, 10)).padEnd(9, '0'))
    rest = rest.slice(end)
  }

  let offsetSeconds = 0
  if (rest[0] === 'Z') {
    rest = rest.slice(1)
  } else {
    if (rest.length < 6 || rest[3] !== ':') return cannotParse(rest, 'Z07:00')
    const hours = getnum(rest.slice(1, 3), true)
    const minutes = getnum(rest.slice(4, 6), true)
    if (!hours || !minutes) return cannotParse(rest, 'Z07:00')
    // Go reports a range error before a bad sign, and accepts 24 h / 60 min offsets.
    if (minutes[0] > 60) return outOfRange('time zone offset minute')
    if (hours[0] > 24) return outOfRange('time zone offset hour')
    if (rest[0] !== '+' && rest[0] !== '-') return cannotParse(rest, 'Z07:00')
    offsetSeconds = (rest[0] === '-' ? -1 : 1) * (hours[0] * 3600 + minutes[0] * 60)
    rest = rest.slice(6)
  }
  if (rest !== '') return { ok: false, error: `parsing time ${goTimeQuote(value)}: extra text: ${goTimeQuote(rest)}` }
  if (day < 1 || day > daysIn(month, year)) return outOfRange('day')

  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  date.setUTCHours(hour, minute, second, 0)
  return { ok: true, value: (BigInt(date.getTime()) / 1000n - BigInt(offsetSeconds)) * 1_000_000_000n + BigInt(nanos) }
}

const DURATION_UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n,
  μs: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
}
const MAX_DURATION = 1n << 63n

/** time.ParseDuration: "300ms", "-1.5h", "2h45m" … to ns. */
export function goParseDuration(input: string): GoParsed<bigint> {
  const invalid = { ok: false as const, error: `time: invalid duration ${goTimeQuote(input)}` }
  let text = input
  const negative = text[0] === '-'
  if (text[0] === '-' || text[0] === '+') text = text.slice(1)
  if (text === '0') return { ok: true, value: 0n }
  if (text === '') return invalid
  let total = 0n
  while (text !== '') {
    if (!(text[0] === '.' || isDigit(text, 0))) return invalid
    const whole = /^\d*/.exec(text)![0]
    let value = 0n
    for (const digit of whole) {
      value = value * 10n + BigInt(digit)
      if (value > MAX_DURATION) return invalid
    }
    text = text.slice(whole.length)
    let fraction = ''
    if (text[0] === '.') {
      fraction = /^\d*/.exec(text.slice(1))![0]
      text = text.slice(1 + fraction.length)
    }
    if (whole === '' && fraction === '') return invalid
    const unitLength = /^[^.0-9]*/.exec(text)![0].length
    if (unitLength === 0) return { ok: false, error: `time: missing unit in duration ${goTimeQuote(input)}` }
    const unitName = text.slice(0, unitLength)
    const unit = DURATION_UNITS[unitName]
    if (unit === undefined) return { ok: false, error: `time: unknown unit ${goTimeQuote(unitName)} in duration ${goTimeQuote(input)}` }
    text = text.slice(unitLength)
    if (value > MAX_DURATION / unit) return invalid
    value *= unit
    const significant = fraction.slice(0, 18)
    if (significant !== '') value += BigInt(Math.trunc(Number(significant) * (Number(unit) / 10 ** significant.length)))
    total += value
    if (value > MAX_DURATION || total > MAX_DURATION) return invalid
  }
  if (!negative && total > MAX_DURATION - 1n) return invalid
  return { ok: true, value: negative ? -total : total }
}

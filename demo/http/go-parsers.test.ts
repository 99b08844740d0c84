// Expected texts are Go's own (go1.22+: strconv, time, encoding/json).
import { describe, expect, test } from 'vitest'
import { goUnmarshalStringMap } from './go-json-map'
import { goAtoi, goParseBool, goParseInt } from './go-strconv'
import { goParseDuration, goParseRfc3339Nano } from './go-time'
import { parseGoQuery } from './go-url-values'
import { parseTraceIdParam } from './trace-id-param'

const error = (parsed: { ok: boolean; error?: string }) => (parsed.ok ? 'ok' : parsed.error)

describe('time.Parse(time.RFC3339Nano, …)', () => {
  test.each([
    ['2025-11-20T12:00:00Z', 1_763_640_000_000_000_000n],
    ['2025-11-20T12:00:00.123456789Z', 1_763_640_000_123_456_789n],
    ['2025-11-20T13:30:00+01:30', 1_763_640_000_000_000_000n],
    ['2025-11-20T12:00:00.5-00:00', 1_763_640_000_500_000_000n],
  ])('%s', (value, ns) => expect(goParseRfc3339Nano(value)).toEqual({ ok: true, value: ns }))

  const layout = '"2006-01-02T15:04:05.999999999Z07:00"'
  test.each([
    ['abc', `parsing time "abc" as ${layout}: cannot parse "abc" as "2006"`],
    ['2025-11-20', `parsing time "2025-11-20" as ${layout}: cannot parse "" as "T"`],
    ['2025-11-20 12:00:00Z', `parsing time "2025-11-20 12:00:00Z" as ${layout}: cannot parse " 12:00:00Z" as "T"`],
    ['2025-11-20T12:00:00', `parsing time "2025-11-20T12:00:00" as ${layout}: cannot parse "" as "Z07:00"`],
    ['1763640000', `parsing time "1763640000" as ${layout}: cannot parse "640000" as "-"`],
    ['2025-13-20T12:00:00Z', 'parsing time "2025-13-20T12:00:00Z": month out of range'],
    ['2025-02-30T12:00:00Z', 'parsing time "2025-02-30T12:00:00Z": day out of range'],
    ['2025-11-20T24:00:00Z', 'parsing time "2025-11-20T24:00:00Z": hour out of range'],
    ['2025-11-20T12:00:00Zjunk', 'parsing time "2025-11-20T12:00:00Zjunk": extra text: "junk"'],
  ])('%s', (value, expected) => expect(error(goParseRfc3339Nano(value))).toBe(expected))
})

describe('time.ParseDuration', () => {
  test.each([
    ['300ms', 300_000_000n],
    ['1.5h', 5_400_000_000_000n],
    ['2h45m', 9_900_000_000_000n],
    ['-1µs', -1_000n],
    ['0', 0n],
  ])('%s', (value, ns) => expect(goParseDuration(value)).toEqual({ ok: true, value: ns }))
  test.each([
    ['abc', 'time: invalid duration "abc"'],
    ['10', 'time: missing unit in duration "10"'],
    ['10x', 'time: unknown unit "x" in duration "10x"'],
    ['', 'time: invalid duration ""'],
  ])('%s', (value, expected) => expect(error(goParseDuration(value))).toBe(expected))
})

describe('strconv', () => {
  test.each([
    [goAtoi('x'), 'strconv.Atoi: parsing "x": invalid syntax'],
    [goAtoi('99999999999999999999'), 'strconv.Atoi: parsing "99999999999999999999": value out of range'],
    [goParseInt('abc', 32), 'strconv.ParseInt: parsing "abc": invalid syntax'],
    [goParseInt('3000000000', 32), 'strconv.ParseInt: parsing "3000000000": value out of range'],
    [goParseInt('1e3', 64), 'strconv.ParseInt: parsing "1e3": invalid syntax'],
    [goParseBool('yes'), 'strconv.ParseBool: parsing "yes": invalid syntax'],
  ])('%#', (parsed, expected) => expect(error(parsed)).toBe(expected))
  test('accepts what Go accepts', () => {
    expect(goAtoi('+25')).toEqual({ ok: true, value: 25 })
    expect(goParseInt('-2147483648', 32)).toEqual({ ok: true, value: -2147483648n })
    expect(goParseBool('T')).toEqual({ ok: true, value: true })
  })
})

describe('json.Unmarshal into map[string]string', () => {
  test.each([
    ['x', "invalid character 'x' looking for beginning of value"],
    ['{', 'unexpected end of JSON input'],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":"b",}', `invalid character '}' looking for beginning of object key string`],
    ['{"a":1}', 'json: cannot unmarshal number into Go value of type string'],
    ['["a"]', 'json: cannot unmarshal array into Go value of type map[string]string'],
  ])('%s', (text, expected) => expect(error(goUnmarshalStringMap(text))).toBe(expected))
  test('reads a valid map', () =>
    expect(goUnmarshalStringMap('{"http.route":"/x","error":"true"}')).toEqual({
      ok: true,
      value: new Map([
        ['http.route', '/x'],
        ['error', 'true'],
      ]),
    }))
})

describe('trace ids from a URL path (hex, then base64)', () => {
  test.each([
    ['d1c0841400030f3dda561629680f5d09', 'd1c0841400030f3dda561629680f5d09'],
    ['ABC', '0000000000000000'.concat('0000000000000abc')],
    ['AAAAAAAAAJYAAAAAAAAAoA==', '000000000000009600000000000000a0'],
    ['AAAAAAAAAJYAAAAAAAAAoA', '000000000000009600000000000000a0'],
  ])('%s', (text, hex) => expect(parseTraceIdParam(text)).toEqual({ ok: true, hex }))
  test.each([
    ['xy!', 'strconv.ParseUint: parsing "xy!": invalid syntax'],
    ['z!0000000000000000', 'strconv.ParseUint: parsing "z!": invalid syntax'],
    ['0'.repeat(33), `TraceID cannot be longer than 32 hex characters: ${'0'.repeat(33)}`],
    // not hex, but valid unpadded base64 of the wrong length
    ['xyz', 'invalid length for TraceID'],
    ['abcdefgh', 'invalid length for TraceID'],
  ])('%s', (text, expected) => expect(error(parseTraceIdParam(text))).toBe(expected))
})

test('query strings parse like url.ParseQuery', () => {
  const values = parseGoQuery('a=1&a=2&b=x+y%21&bad=%zz&semi=1;2&=empty')
  expect(values.all('a')).toEqual(['1', '2'])
  expect(values.get('b')).toBe('x y!')
  expect(values.get('bad')).toBe('')
  expect(values.get('semi')).toBe('')
})

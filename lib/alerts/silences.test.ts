import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  compileMatcherRegex,
  formatMatcher,
  isSilenced,
  matcherMatches,
  parseMatcher,
  parseMatchers,
  silenceBody,
  silenceInput,
  silenceMatches,
  silenceState,
  type Matcher,
  type StoredSilence,
} from './silences'

const T0 = Date.parse('2026-03-01T10:00:00Z')
const HOUR = 3_600_000
const LABELS = { alertname: 'High p95 latency', service: 'checkout', operation: 'POST /pay', severity: 'critical' }

describe('parseMatcher', () => {
  test.each<[string, Matcher]>([
    ['service="checkout"', { name: 'service', type: '=', value: 'checkout' }],
    ['service!="checkout"', { name: 'service', type: '!=', value: 'checkout' }],
    ['service=~"check.*"', { name: 'service', type: '=~', value: 'check.*' }],
    ['service!~"check.*"', { name: 'service', type: '!~', value: 'check.*' }],
    ['  service  =  checkout  ', { name: 'service', type: '=', value: 'checkout' }],
    ['service=', { name: 'service', type: '=', value: '' }],
    ['service=""', { name: 'service', type: '=', value: '' }],
    ['summary="say \\"hi\\""', { name: 'summary', type: '=', value: 'say "hi"' }],
    ['path="C:\\\\temp"', { name: 'path', type: '=', value: 'C:\\temp' }],
    ['text="a\\nb"', { name: 'text', type: '=', value: 'a\nb' }],
    ['re=~"\\d+"', { name: 're', type: '=~', value: '\\d+' }],
    ['end=x\\', { name: 'end', type: '=', value: 'x\\' }],
    ['job:rate=1', { name: 'job:rate', type: '=', value: '1' }],
  ])('%s', (text, expected) => {
    expect(parseMatcher(text)).toEqual({ ok: true, value: expected })
  })

  test.each([
    ['no operator', 'service', /expected name="value"/],
    ['a name starting with a digit', '1service="x"', /expected name="value"/],
    ['an unescaped quote inside', 'service="a"b"', /service="a"b": a " inside the value must be written \\"/],
    ['no closing quote', 'service="checkout', /service="checkout: the value has no closing "/],
    ['a bad regex, naming the matcher', 'service=~"check(out"', /^service=~"check\(out": invalid regex: /],
    ['a lookahead (not RE2)', 'service=~"(?!checkout).*"', /^service=~"\(\?!checkout\)\.\*": invalid regex: lookahead/],
    ['a backreference (not RE2)', 'service=~"(a)\\\\1"', /invalid regex: backreferences/],
    ['a Go named group', 'service=~"(?P<x>a)"', /write a named group as/],
    ['inline flags in the middle', 'service=~"a(?i)b"', /inline flags are supported only/],
  ])('refuses %s', (_label, text, message) => {
    const parsed = parseMatcher(text)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.message).toMatch(message)
  })

  test('formatMatcher writes what parseMatcher reads, for any value', () => {
    fc.assert(
      fc.property(fc.constantFrom('=', '!='), fc.string(), (type: Matcher['type'], value) => {
        const matcher: Matcher = { name: 'label', type, value }
        expect(parseMatcher(formatMatcher(matcher))).toEqual({ ok: true, value: matcher })
      }),
    )
  })
})

describe('parseMatchers', () => {
  test.each<[string, string, Matcher[]]>([
    [
      'the list form',
      '{service="checkout", severity=~"critical|warning"}',
      [
        { name: 'service', type: '=', value: 'checkout' },
        { name: 'severity', type: '=~', value: 'critical|warning' },
      ],
    ],
    [
      'without braces, a trailing comma',
      'service=checkout,severity!=info, ',
      [
        { name: 'service', type: '=', value: 'checkout' },
        { name: 'severity', type: '!=', value: 'info' },
      ],
    ],
    [
      'a comma inside quotes',
      '{summary="a, b", x="y"}',
      [
        { name: 'summary', type: '=', value: 'a, b' },
        { name: 'x', type: '=', value: 'y' },
      ],
    ],
    [
      'an escaped quote inside quotes',
      '{q="she said: \\"hi, you\\"", x="y"}',
      [
        { name: 'q', type: '=', value: 'she said: "hi, you"' },
        { name: 'x', type: '=', value: 'y' },
      ],
    ],
  ])('%s', (_label, text, expected) => {
    expect(parseMatchers(text)).toEqual({ ok: true, value: expected })
  })

  test.each([
    ['an empty list', '{}', 'no matchers'],
    ['an empty item', 'a="b",,c="d"', 'expected name="value", name!="value", name=~"regex" or name!~"regex", got nothing'],
    ['a bad regex names its matcher', '{a="b", c=~"d["}', 'c=~"d[": invalid regex: '],
  ])('refuses %s', (_label, text, message) => {
    const parsed = parseMatchers(text)
    expect(parsed.ok ? null : parsed.message).toContain(message)
  })
})

describe('matcherMatches', () => {
  test.each<[string, string, boolean]>([
    ['service="checkout"', 'checkout', true],
    ['service="checkout"', 'cart', false],
    ['service!="checkout"', 'cart', true],
    ['service=~"check"', 'checkout', false], // anchored: ^(?:check)$
    ['service=~"check.*"', 'checkout', true],
    ['service=~"cart|checkout"', 'checkout', true],
    ['service=~"a|b"', 'ab', false], // ^(?:a|b)$, not ^a|b$
    ['service!~"check.*"', 'checkout', false],
    ['service=~"(?i)CHECKOUT"', 'checkout', true],
    ['service=~"(?s)a.b"', 'a\nb', true],
    ['service=~"a.b"', 'a\nb', false],
    ['service=~"web\\-01"', 'web-01', true], // RE2 allows escaping any punctuation
  ])('%s on %j → %s', (text, value, expected) => {
    const parsed = parseMatcher(text)
    if (!parsed.ok) throw new Error(parsed.message)
    expect(matcherMatches(parsed.value, { service: value })).toBe(expected)
  })

  test('a missing label matches as the empty string', () => {
    expect(matcherMatches({ name: 'team', type: '=', value: '' }, LABELS)).toBe(true)
    expect(matcherMatches({ name: 'team', type: '!=', value: 'db' }, LABELS)).toBe(true)
    expect(matcherMatches({ name: 'team', type: '=~', value: '.+' }, LABELS)).toBe(false)
  })

  test('a stored regex that no longer compiles matches nothing', () => {
    expect(compileMatcherRegex('(')).toBeInstanceOf(Error)
    expect(matcherMatches({ name: 'service', type: '=~', value: '(' }, LABELS)).toBe(false)
    expect(matcherMatches({ name: 'service', type: '!~', value: '(' }, LABELS)).toBe(false)
  })
})

describe('regexes that would backtrack exponentially', () => {
  test.each(['(a+)+b', '(a|a)*b', '(x*y*)*', '((ab)+c)+', '(a{2,})+', '(\\w+)*$'])('%s is refused', (pattern) => {
    expect(compileMatcherRegex(pattern)).toBeInstanceOf(Error)
    expect(String(compileMatcherRegex(pattern))).toMatch(/may not itself repeat or alternate/)
  })

  test.each(['checkout|cart', 'pay.*', '(checkout|cart)-v\\d+', '(ab)+', '(a+){3}', '[(a+)]+', '(a+)?', 'tx-(eu|us)'])(
    '%s is allowed',
    (pattern) => {
      expect(compileMatcherRegex(pattern)).toBeInstanceOf(RegExp)
    },
  )
})

describe('silenceInput', () => {
  const valid = {
    matchers: ['service="checkout"', 'severity=~"critical|warning"'],
    startsAt: '2026-03-01T10:00:00Z',
    endsAt: '2026-03-01T12:00:00+01:00',
    comment: 'Deploying the new payment provider',
    createdBy: 'sre@example.com',
  }
  const issuesOf = (input: unknown) =>
    silenceInput.safeParse(input).error?.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) ?? []

  test('parses matchers and times (epoch ms)', () => {
    expect(silenceInput.parse(valid)).toEqual({
      matchers: [
        { name: 'service', type: '=', value: 'checkout' },
        { name: 'severity', type: '=~', value: 'critical|warning' },
      ],
      startsAt: T0,
      endsAt: T0 + HOUR,
      comment: 'Deploying the new payment provider',
      createdBy: 'sre@example.com',
    })
  })

  test('accepts the list form in one string, and Dates', () => {
    const parsed = silenceInput.parse({ ...valid, matchers: '{service="checkout"}', startsAt: new Date(T0), endsAt: new Date(T0 + HOUR) })
    expect(parsed.matchers).toEqual([{ name: 'service', type: '=', value: 'checkout' }])
  })

  test.each([
    [
      'a bad regex, naming the matcher and its place',
      { matchers: ['service="checkout"', 'operation=~"POST (/pay"'] },
      'matchers.1',
      'operation=~"POST (/pay": invalid regex',
    ],
    ['a bad regex in the list form', { matchers: '{operation=~"["}' }, 'matchers', 'operation=~"[": invalid regex'],
    ['no matchers', { matchers: [] }, 'matchers', 'add at least one matcher'],
    [
      'only matchers that match the empty string',
      { matchers: ['team=""', 'env!="prod"', 'x=~".*"'] },
      'matchers',
      'at least one matcher must not match the empty string',
    ],
    ['an end before the start', { endsAt: '2026-03-01T09:00:00Z' }, 'endsAt', 'the end must be after the start'],
    ['an end equal to the start', { endsAt: '2026-03-01T10:00:00Z' }, 'endsAt', 'the end must be after the start'],
    ['a time without an offset', { startsAt: '2026-03-01T10:00' }, 'startsAt', 'expected a start as an ISO 8601 time with its offset'],
    ['no comment', { comment: '  ' }, 'comment', 'enter a comment (why this is silenced)'],
    ['no author', { createdBy: undefined }, 'createdBy', 'expected who silences (text)'],
    [
      'an end past year 9999 (the driver cannot write it)',
      { endsAt: new Date(Date.parse('9999-12-31T23:00:00Z') + 2 * HOUR) },
      'endsAt',
      'at most 9999',
    ],
    ['a NUL in a value (Postgres cannot store it)', { matchers: 'service="a\u0000b"' }, 'matchers', 'no NUL characters'],
  ])('refuses %s', (_label, change, path, message) => {
    expect(issuesOf({ ...valid, ...change })).toEqual([{ path, message: expect.stringContaining(message) }])
  })
})

test('silenceBody: the API may leave out who silences, and nothing else', () => {
  const body = { matchers: 'service="checkout"', startsAt: '2026-03-01T10:00:00Z', endsAt: '2026-03-01T11:00:00Z', comment: 'c' }
  const parsed = silenceBody.parse(body)
  expect(parsed).toMatchObject({ startsAt: T0, endsAt: T0 + HOUR })
  expect(parsed.createdBy).toBeUndefined()
  expect(silenceBody.safeParse({ ...body, endsAt: body.startsAt }).error?.issues.map((issue) => issue.path)).toEqual([['endsAt']])
})

describe('silenceState', () => {
  test.each([
    ['before the start: pending', T0 - 1, 'pending'],
    ['at the start: active', T0, 'active'],
    ['just before the end: active', T0 + HOUR - 1, 'active'],
    ['at the end: expired', T0 + HOUR, 'expired'],
  ])('%s', (_label, at, state) => {
    expect(silenceState({ startsAt: T0, endsAt: T0 + HOUR }, at)).toBe(state)
  })
})

describe('silenceMatches and isSilenced', () => {
  const silence = (id: string, matchers: string, startsAt = T0, endsAt = T0 + HOUR): StoredSilence => {
    const parsed = parseMatchers(matchers)
    if (!parsed.ok) throw new Error(parsed.message)
    return { id, matchers: parsed.value, startsAt, endsAt, comment: 'c', createdBy: 'u' }
  }

  test.each([
    ['before it starts', T0 - 1, false],
    ['at its start', T0, true],
    ['inside', T0 + HOUR / 2, true],
    ['at its end (ended)', T0 + HOUR, false],
  ])('active window: %s', (_label, at, expected) => {
    expect(silenceMatches(silence('s', 'service="checkout"'), LABELS, at)).toBe(expected)
  })

  test('every matcher must match', () => {
    expect(silenceMatches(silence('s', '{service="checkout", severity="warning"}'), LABELS, T0)).toBe(false)
    expect(silenceMatches(silence('s', '{service="checkout", severity=~"critical|warning"}'), LABELS, T0)).toBe(true)
  })

  test('isSilenced returns the ids of the active silences that match', () => {
    const silences = [
      silence('by-service', 'service="checkout"'),
      silence('by-operation', 'operation=~"POST .*"'),
      silence('other-service', 'service="cart"'),
      silence('expired', 'service="checkout"', T0 - 2 * HOUR, T0 - HOUR),
      silence('later', 'service="checkout"', T0 + HOUR, T0 + 2 * HOUR),
    ]
    expect(isSilenced(LABELS, silences, T0)).toEqual(['by-service', 'by-operation'])
    expect(isSilenced({ ...LABELS, service: 'search', operation: 'GET /q' }, silences, T0)).toEqual([])
  })
})

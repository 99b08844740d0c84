import { describe, expect, test } from 'vitest'
import { gettableSilenceSchema, postableSilenceBody, toAlertmanagerMatcher, toGettableSilence } from './alertmanager-api'
import { MATCH_TYPES, type SilenceRecord } from './silences'

const T0 = Date.parse('2026-03-01T10:00:00Z')
const HOUR = 3_600_000

// A body as Alertmanager's v2 API takes it (openapi.yaml postableSilence), isEqual left out once.
const ALERTMANAGER_POST = {
  matchers: [
    { name: 'alertname', value: 'High p95 latency', isRegex: false, isEqual: true },
    { name: 'service', value: 'tx.*', isRegex: true },
    { name: 'severity', value: 'info', isRegex: false, isEqual: false },
  ],
  startsAt: '2026-03-01T10:00:00.000Z',
  endsAt: '2026-03-01T11:00:00.000Z',
  createdBy: 'deploy-bot',
  comment: 'Rolling out transactions-service 2.4',
}

describe('postableSilenceBody', () => {
  test("reads Alertmanager's matcher objects, isEqual defaulting to true", () => {
    expect(postableSilenceBody.parse(ALERTMANAGER_POST).matchers).toEqual([
      { name: 'alertname', type: '=', value: 'High p95 latency' },
      { name: 'service', type: '=~', value: 'tx.*' },
      { name: 'severity', type: '!=', value: 'info' },
    ])
  })

  test('reads matchers as text too, and may leave out who silences', () => {
    const parsed = postableSilenceBody.parse({ ...ALERTMANAGER_POST, matchers: 'alertname="X", service=~"tx.*"', createdBy: undefined })
    expect(parsed.matchers.map((matcher) => matcher.type)).toEqual(['=', '=~'])
    expect(parsed.createdBy).toBeUndefined()
  })

  test.each([
    ['an id (Alertmanager would replace that silence)', { id: '3a1c…' }, 'id'],
    ['a bad regex in an object, naming its place', { matchers: [{ name: 'service', value: '(', isRegex: true }] }, 'matchers.0'],
    ['a bad label name in an object', { matchers: [{ name: 'a b', value: 'x', isRegex: false }] }, 'matchers.0'],
    ['no end', { endsAt: undefined }, 'endsAt'],
  ])('refuses %s', (_label, change, path) => {
    const issues = postableSilenceBody.safeParse({ ...ALERTMANAGER_POST, ...change }).error?.issues ?? []
    expect(issues.map((issue) => issue.path.join('.'))).toContain(path)
  })
})

test('a stored silence reads as gettableSilence, its operators as isRegex × isEqual', () => {
  const silence: SilenceRecord = {
    id: 'f3b1c2d4-0000-4000-8000-000000000001',
    matchers: MATCH_TYPES.map((type) => ({ name: 'service', type, value: 'checkout' })),
    startsAt: T0,
    endsAt: T0 + HOUR,
    comment: 'c',
    createdBy: 'sre@example.com',
    createdAt: T0 - HOUR,
    updatedAt: T0 - HOUR,
  }
  const gettable = toGettableSilence(silence, T0 + HOUR)
  expect(gettableSilenceSchema.parse(gettable)).toEqual(gettable)
  expect(gettable).toMatchObject({ status: { state: 'expired' }, startsAt: '2026-03-01T10:00:00.000Z', endsAt: '2026-03-01T11:00:00.000Z' })
  expect(gettable.matchers.map(({ isRegex, isEqual }) => [isRegex, isEqual])).toEqual([
    [false, true],
    [false, false],
    [true, true],
    [true, false],
  ])
  expect(
    silence.matchers
      .map(toAlertmanagerMatcher)
      .map(
        (matcher) =>
          postableSilenceBody.parse({ ...ALERTMANAGER_POST, matchers: [matcher, { name: 'x', value: 'y', isRegex: false }] }).matchers[0],
      ),
  ).toEqual(silence.matchers)
})

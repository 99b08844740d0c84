import { describe, expect, test } from 'vitest'
import {
  alertSilenceMatchers,
  newSilencePath,
  silenceFormInput,
  silenceFromForm,
  silencePrefillQuery,
  silenceReferenceInput,
} from './silence-form'
import { parseMatchers, silenceInput } from './silences'

const T0 = Date.parse('2026-03-01T10:00:00Z')
const HOUR = 3_600_000
const FORM = { matchers: 'alertname="High p95 latency", service=~"tx.*"', duration: '2h', comment: 'Deploying', createdBy: '' }
const issuesOf = (fields: Record<string, unknown>) =>
  silenceFormInput.safeParse(fields).error?.issues.map((issue) => [issue.path.join('.'), issue.message]) ?? []

describe('silenceFromForm', () => {
  test('starts now and lasts the duration, written by the signed-in user', () => {
    const silence = silenceInput.parse(silenceFromForm(silenceFormInput.parse(FORM), { now: T0, author: 'sre@example.com' }))
    expect(silence).toMatchObject({ startsAt: T0, endsAt: T0 + 2 * HOUR, createdBy: 'sre@example.com', comment: 'Deploying' })
    expect(silence.matchers).toHaveLength(2)
  })

  test('a start and an end time are UTC; the end wins over the duration; another author may be named', () => {
    const form = silenceFormInput.parse({ ...FORM, startsAt: '2026-03-01T11:00', endsAt: '2026-03-01T12:30', createdBy: ' on-call ' })
    expect(silenceInput.parse(silenceFromForm(form, { now: T0, author: 'sre@example.com' }))).toMatchObject({
      startsAt: T0 + HOUR,
      endsAt: T0 + 2.5 * HOUR,
      createdBy: 'on-call',
    })
  })

  test.each([
    ['no matchers field', { matchers: undefined }, 'matchers'],
    ['neither a duration nor an end', { duration: '' }, 'duration'],
    ['a duration that is not one', { duration: 'soon' }, 'duration'],
    ['a duration under a minute', { duration: '30s' }, 'duration'],
    ['a duration over a year', { duration: '400d' }, 'duration'],
    ['an end with an offset (the field is UTC)', { endsAt: '2026-03-01T12:00+01:00' }, 'endsAt'],
    ['a day that does not exist', { endsAt: '2026-02-30T12:00' }, 'endsAt'],
  ])('refuses %s, naming the field', (_label, change, path) => {
    expect(issuesOf({ ...FORM, ...change }).map(([field]) => field)).toEqual([path])
  })
})

describe('the prefilled form', () => {
  test("an alert's link proposes its name and series, which parse back to the same matchers", () => {
    const labels = {
      alertname: 'High p95 latency',
      service: 'transactions-service',
      operation: 'POST /v1/transactions',
      severity: 'critical',
    }
    const path = newSilencePath({ matchers: alertSilenceMatchers(labels) })
    expect(path).toMatch(/^\/alerts\/silences\?matchers=.*#new-silence$/)
    const prefill = silencePrefillQuery.parse(Object.fromEntries(new URL(path, 'http://x').searchParams))
    expect(prefill.matchers).toBe('alertname="High p95 latency", service="transactions-service", operation="POST /v1/transactions"')
    expect(parseMatchers(prefill.matchers!)).toEqual({ ok: true, value: alertSilenceMatchers(labels) })
  })

  test('odd query values are dropped, not errors', () => {
    expect(silencePrefillQuery.parse({ matchers: ['a', 'b'], duration: 'soon', comment: 'x'.repeat(2000) })).toEqual({})
  })
})

test('an expire form names a silence by its id', () => {
  expect(silenceReferenceInput.safeParse({}).error?.issues[0]?.path).toEqual(['silenceId'])
})

import { describe, expect, test } from 'vitest'
import { isPlainText, multiLineText, singleLineText } from './plain-text'

const name = singleLineText({ max: 20, what: 'a name' })
const reason = multiLineText({ max: 50, what: 'a reason' })

describe('singleLineText', () => {
  test.each<[string, unknown, string | null]>([
    ['plain text, trimmed', '  Ada  ', 'Ada'],
    ['unicode letters and emoji', 'Zoë 🚀', 'Zoë 🚀'],
    ['NUL', 'Ada\u0000', null],
    ['a line break', 'Ada\nLovelace', null],
    ['DEL', 'Ada\u007f', null],
    ['a lone high surrogate', 'Ada\ud800', null],
    ['a lone low surrogate', '\udc00Ada', null],
    ['too long', 'x'.repeat(21), null],
    ['empty after trimming', '   ', null],
    ['not a string', 42, null],
  ])('%s', (_label, input, expected) => {
    const parsed = name.safeParse(input)
    expect(parsed.success ? parsed.data : null).toBe(expected)
  })
})

describe('multiLineText', () => {
  test.each<[string, string, boolean]>([
    ['lines and tabs are fine', 'line one\n\tline two', true],
    ['NUL is not', 'line\u0000', false],
    ['CRLF, as browsers submit a textarea', 'a\r\nb', true],
    ['a vertical tab is not', 'a\u000bb', false],
  ])('%s', (_label, input, ok) => expect(reason.safeParse(input).success).toBe(ok))
})

test('isPlainText', () => {
  expect(isPlainText('GET /v1/users')).toBe(true)
  expect(isPlainText('GET\u0000')).toBe(false)
  expect(isPlainText('\ud83d')).toBe(false)
  expect(isPlainText('😀')).toBe(true)
})

import { describe, expect, test } from 'vitest'
import { JaegerNames, mayBeCleaned } from './jaeger-names'

describe('JaegerNames', () => {
  const names = new JaegerNames(['ledger', 'svc\u0000a', 'a\u0000', 'a\uD800', 'a\uFFFD', 'a\u0000', 'tab\tname'])

  test('lists each name as stored once, in the order Jaeger listed them', () => {
    expect(names.cleaned()).toEqual(['ledger', 'svc\uFFFDa', 'a\uFFFD', 'tab\tname'])
  })

  test.each([
    ['a name that needed no cleaning is its own original', 'ledger', ['ledger']],
    ['a cleaned name is searched by the name Jaeger listed', 'svc\uFFFDa', ['svc\u0000a']],
    ['names that clean alike are all searched, each once', 'a\uFFFD', ['a\u0000', 'a\uD800', 'a\uFFFD']],
    ['control characters other than NUL are kept, so the name is as listed', 'tab\tname', ['tab\tname']],
    ['a name never listed is searched as given', 'gone\uFFFD', ['gone\uFFFD']],
  ])('%s', (_label, name, originals) => {
    expect(names.originalsOf(name)).toEqual(originals)
  })

  test('knows only what it listed', () => {
    expect([names.knows('svc\uFFFDa'), names.knows('svc\u0000a'), names.knows('gone')]).toEqual([true, false, false])
  })

  test.each([
    ['plain', 'GET /a', false],
    ['cleaned', 'GET /\uFFFD', true],
    ['an emoji (a valid pair) is never cleaned', 'checkout \uD83D\uDED2', false],
  ])('mayBeCleaned: %s', (_label, name, expected) => {
    expect(mayBeCleaned(name)).toBe(expected)
  })
})

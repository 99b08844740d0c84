import { describe, expect, test } from 'vitest'
import {
  API_TOKEN_PATTERN,
  apiTokenFormInput,
  apiTokenInput,
  apiTokenPrefix,
  bearerCredentials,
  generateApiToken,
  hashApiToken,
  isApiTokenShaped,
} from './api-tokens'

describe('generateApiToken', () => {
  test('spl_ and 43 base64url characters (32 random bytes), different every time', () => {
    const tokens = Array.from({ length: 200 }, generateApiToken)
    for (const token of tokens) expect(token).toMatch(API_TOKEN_PATTERN)
    expect(new Set(tokens).size).toBe(tokens.length)
    expect(Buffer.from(tokens[0]!.slice(4), 'base64url')).toHaveLength(32)
  })

  test('the prefix shown in lists is spl_ and 8 characters', () => {
    expect(apiTokenPrefix('spl_abcdefghXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX')).toBe('spl_abcdefgh')
  })
})

describe('hashApiToken', () => {
  test('hex SHA-256 of the token (known vector)', () => {
    // printf %s abc | sha256sum
    expect(hashApiToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(hashApiToken(generateApiToken())).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('isApiTokenShaped', () => {
  test.each([
    ['a generated token', generateApiToken(), true],
    ['another prefix', `abc_${'A'.repeat(43)}`, false],
    ['one character short', `spl_${'A'.repeat(42)}`, false],
    ['padding', `spl_${'A'.repeat(42)}=`, false],
    ['empty', '', false],
  ])('%s', (_label, token, shaped) => {
    expect(isApiTokenShaped(token)).toBe(shaped)
  })
})

describe('bearerCredentials', () => {
  test.each<[string, string | null, string | null]>([
    ['no header', null, null],
    ['a bearer token', 'Bearer spl_x', 'spl_x'],
    ['the scheme in any case', 'bEaReR spl_x', 'spl_x'],
    ['bearer without credentials', 'Bearer', ''],
    ['bearer with blanks only', 'Bearer   ', ''],
    ['another scheme', 'Basic dXNlcjpwYXNz', null],
    ['a word starting with bearer', 'Bearerspl_x', null],
  ])('%s', (_label, header, expected) => {
    expect(bearerCredentials(header)).toBe(expected)
  })
})

describe('apiTokenInput', () => {
  test('scopes are kept once each, in the list order', () => {
    expect(apiTokenInput.parse({ name: ' load tests ', scopes: ['incidents.write', 'overhead.write', 'incidents.write'] })).toEqual({
      name: 'load tests',
      scopes: ['overhead.write', 'incidents.write'],
    })
  })

  test('no scope, an unknown scope and a blank name are refused, each naming its field', () => {
    const issues = (value: unknown) => apiTokenInput.safeParse(value).error?.issues.map((issue) => issue.path.join('.'))
    expect(issues({ name: 'x', scopes: [] })).toEqual(['scopes'])
    expect(issues({ name: 'x', scopes: ['admin'] })).toEqual(['scopes.0'])
    expect(issues({ name: '  ', scopes: ['overhead.write'] })).toEqual(['name'])
  })

  test('the form posts one checkbox per scope', () => {
    expect(apiTokenFormInput.parse({ name: 'k6', 'scope.overhead.write': 'on', 'scope.inventory.write': 'on' })).toEqual({
      name: 'k6',
      scopes: ['overhead.write', 'inventory.write'],
    })
    expect(apiTokenFormInput.safeParse({ name: 'k6' }).error?.issues[0]?.path).toEqual(['scopes'])
  })
})

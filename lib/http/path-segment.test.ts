import { describe, expect, test } from 'vitest'
import { decodePathSegment, unusablePathParams } from './path-segment'

describe('decodePathSegment', () => {
  test.each<[string, string, string | null]>([
    ['an encoded operation name', 'GET%20%2Ftransactions', 'GET /transactions'],
    ['a plain service name', 'transactions-service', 'transactions-service'],
    ['unicode', 'caf%C3%A9', 'café'],
    ['a bare %', '100%', null],
    ['%zz', '%zz', null],
    ['bytes that are not UTF-8', '%FF%FE', null],
    ['an encoded lone surrogate', '%ED%A0%80', null],
    ['an overlong dot', '%C0%AE%C0%AE', null],
    ['an encoded NUL', 'a%00b', null],
    ['an encoded newline', 'a%0Ab', null],
  ])('%s', (_label, raw, decoded) => expect(decodePathSegment(raw)).toBe(decoded))
})

describe('unusablePathParams', () => {
  test('names the params that are not usable text', () => {
    expect(unusablePathParams({ service: 'auth-service', operation: 'GET /x' })).toEqual([])
    expect(unusablePathParams({ service: 'auth\u0000', operation: 'ok' })).toEqual(['service'])
    expect(unusablePathParams({ service: 'ok', operation: '\ud800' })).toEqual(['operation'])
  })
})

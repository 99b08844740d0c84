import { describe, expect, test } from 'vitest'
import { anySignatureMatches, hmacSha256, isSha256Hex, signatureHeaderParts } from './hmac'

// RFC 4231, test case 2.
const JEFE_HEX = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'

describe('hmacSha256', () => {
  test('matches RFC 4231 test case 2, however the message is split or encoded', () => {
    expect(hmacSha256('Jefe', 'what do ya want for nothing?').toString('hex')).toBe(JEFE_HEX)
    expect(hmacSha256('Jefe', 'what do ya ', Buffer.from('want for nothing?')).toString('hex')).toBe(JEFE_HEX)
  })
})

describe('anySignatureMatches', () => {
  const digest = hmacSha256('Jefe', 'what do ya want for nothing?')
  const other = hmacSha256('not Jefe', 'what do ya want for nothing?')
  test.each([
    ['the one signature matches', [JEFE_HEX], [digest], true],
    ['upper-case hex matches', [JEFE_HEX.toUpperCase()], [digest], true],
    ['a later signature matches (rotation)', ['00'.repeat(32), JEFE_HEX], [digest], true],
    ['a later secret matches (rotation)', [JEFE_HEX], [other, digest], true],
    ['no signature matches', ['00'.repeat(32)], [digest], false],
    ['a prefix of the digest is not the digest', [JEFE_HEX.slice(0, 62)], [digest], false],
    ['nothing to compare', [], [digest], false],
  ])('%s', (_label, signatures, expected, matches) => {
    expect(anySignatureMatches(signatures, expected)).toBe(matches)
  })

  test('isSha256Hex accepts exactly 64 hex digits', () => {
    expect(isSha256Hex(JEFE_HEX)).toBe(true)
    expect(isSha256Hex(JEFE_HEX.toUpperCase())).toBe(true)
    expect(isSha256Hex(JEFE_HEX.slice(1))).toBe(false)
    expect(isSha256Hex(`${JEFE_HEX}0`)).toBe(false)
    expect(isSha256Hex(`${JEFE_HEX.slice(1)}g`)).toBe(false)
  })
})

describe('signatureHeaderParts', () => {
  test.each([
    ['one part', 'v1=abc', [{ name: 'v1', value: 'abc' }]],
    [
      'spaces around parts and equals signs',
      ' t = 1 ,  v1=abc ',
      [
        { name: 't', value: '1' },
        { name: 'v1', value: 'abc' },
      ],
    ],
    ['blank parts skipped', 'v1=abc,,', [{ name: 'v1', value: 'abc' }]],
    ['a value with = in it (base64) is kept whole', 'v2=ab==', [{ name: 'v2', value: 'ab==' }]],
    ['a part without =', 'v1=abc,oops', null],
    ['a value with a space inside', 'v1=ab c', null],
    ['a name with a dash', 'v-1=abc', null],
  ])('%s', (_label, header, parts) => {
    expect(signatureHeaderParts(header)).toEqual(parts)
  })
})

import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { fingerprintOf } from './fingerprint'
import type { Labels } from './schemas'

const SEPARATOR = new Uint8Array([0xff])

/** The oracle: FNV-1a 64 in BigInt over TextEncoder's bytes, sorted name 0xff value 0xff. */
function referenceFingerprint(labels: Labels): string {
  const encoder = new TextEncoder()
  let hash = 0xcbf29ce484222325n
  for (const name of Object.keys(labels).sort())
    for (const bytes of [encoder.encode(name), SEPARATOR, encoder.encode(labels[name]), SEPARATOR])
      for (const byte of bytes) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn
  return hash.toString(16).padStart(16, '0')
}

// Expected values computed independently (Python, bytes as Prometheus' labels.Hash lays them out).
describe('fingerprintOf known values', () => {
  test.each<[string, Labels, string]>([
    ['no labels: the FNV-1a 64 offset basis', {}, 'cbf29ce484222325'],
    ['a="bc"', { a: 'bc' }, 'a0a3542c19b900ab'],
    ['ab="c"', { ab: 'c' }, '20ba9b3025a8b421'],
    [
      'InstanceDown from unittest.yml',
      { alertname: 'InstanceDown', instance: 'localhost:9090', job: 'prometheus', severity: 'page' },
      'a78a6f3d436e0dac',
    ],
    ['a Spanlens series', { service: 'checkout', operation: 'GET /cart/{id}', span_kind: 'server' }, 'f396eca28c05bed6'],
    ['2-, 3- and 4-byte UTF-8', { service: 'café ☕ 𝄞' }, 'e5144d156d618e16'],
  ])('%s', (_label, labels, expected) => {
    expect(fingerprintOf(labels)).toBe(expected)
  })
})

describe('fingerprintOf', () => {
  test('does not depend on key order', () => {
    expect(fingerprintOf({ service: 'checkout', operation: 'GET /', span_kind: 'server' })).toBe(
      fingerprintOf({ span_kind: 'server', operation: 'GET /', service: 'checkout' }),
    )
  })

  test.each<[string, Labels, Labels]>([
    ['a name/value boundary moved', { a: 'bc' }, { ab: 'c' }],
    ['a value moved to the next label', { a: 'b', c: '' }, { a: '', c: 'b' }],
    ['an empty label against none', { a: 'b', c: '' }, { a: 'b' }],
    ['one character of a value', { service: 'checkout' }, { service: 'checkouT' }],
  ])('tells near-equal sets apart: %s', (_label, left, right) => {
    expect(fingerprintOf(left)).not.toBe(fingerprintOf(right))
  })

  const labelName = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,12}$/)

  test('matches the BigInt oracle on any Unicode values, and is 16 hex characters', () => {
    fc.assert(
      fc.property(fc.dictionary(labelName, fc.string({ unit: 'binary', maxLength: 30 }), { maxKeys: 6 }), (labels) => {
        const fingerprint = fingerprintOf(labels)
        return /^[0-9a-f]{16}$/.test(fingerprint) && fingerprint === referenceFingerprint(labels)
      }),
    )
  })

  test('matches the oracle on arbitrary UTF-16 code units, lone surrogates included', () => {
    const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code))
    fc.assert(
      fc.property(fc.dictionary(labelName, fc.string({ unit: codeUnit, maxLength: 10 }), { maxKeys: 4 }), (labels) => {
        return fingerprintOf(labels) === referenceFingerprint(labels)
      }),
    )
  })

  test('is the same for any insertion order of the same labels', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(labelName, fc.string({ maxLength: 10 })), { selector: ([name]) => name, maxLength: 8 }),
        (pairs) => fingerprintOf(Object.fromEntries(pairs)) === fingerprintOf(Object.fromEntries(pairs.toReversed())),
      ),
    )
  })
})

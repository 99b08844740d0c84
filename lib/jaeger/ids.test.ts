import { describe, expect, test } from 'vitest'
import { isZeroId, normalizeSpanId, normalizeTraceId } from './ids'

describe('normalizeTraceId / normalizeSpanId', () => {
  test.each([
    ['128-bit hex', '5B8EFFF798038103D269B633813FC60C', '5b8efff798038103d269b633813fc60c'],
    ['64-bit hex is left-padded', '2db17286b3e6b148', '00000000000000002db17286b3e6b148'],
    ['base64 from the grpc-gateway', 'AAAAAAAAAJYAAAAAAAAAoA==', '000000000000009600000000000000a0'], // high 0x96, low 0xa0: Jaeger's gateway test ids 150, 160,
  ])('trace id, %s', (_label, raw, expected) => expect(normalizeTraceId(raw)).toBe(expected))

  test.each([
    ['hex', 'eee19b7ec3c1b174', 'eee19b7ec3c1b174'],
    ['unpadded 15 digits (Jaeger ≤ 1.14)', 'ec2b4e0bcea566d', '0ec2b4e0bcea566d'],
    ['base64', 'AAAAAAAAALQ=', '00000000000000b4'],
  ])('span id, %s', (_label, raw, expected) => expect(normalizeSpanId(raw)).toBe(expected))

  test.each([
    ['empty', ''],
    ['too long', 'a'.repeat(33)],
    ['not an id', 'not an id!'],
    ['base64 of 24 bytes', Buffer.alloc(24, 1).toString('base64')],
  ])('rejects %s', (_label, raw) => expect(() => normalizeTraceId(raw)).toThrow(/neither hex nor base64/))

  test('zero ids mean no parent', () => {
    expect(isZeroId('0000000000000000')).toBe(true)
    expect(isZeroId('00000000000000b4')).toBe(false)
  })
})

import { describe, expect, test } from 'vitest'
import { histogramOf } from '@/lib/metrics/histogram'
import { unpackMinutes } from './packed-minutes'
import type { OperationMinute } from './rule-values'

/** Packs rows as the samples query has Postgres pack them: float8send · int4send × 3 · histogram. */
function pack(rows: readonly { bucketStartMs: number; spans: number; errors: number; histogram: Uint8Array }[]): Uint8Array {
  const bytes = new Uint8Array(rows.reduce((sum, row) => sum + 20 + row.histogram.length, 0))
  const view = new DataView(bytes.buffer)
  let offset = 0
  for (const row of rows) {
    view.setFloat64(offset, row.bucketStartMs)
    view.setInt32(offset + 8, row.spans)
    view.setInt32(offset + 12, row.errors)
    view.setInt32(offset + 16, row.histogram.length)
    bytes.set(row.histogram, offset + 20)
    offset += 20 + row.histogram.length
  }
  return bytes
}

const AT = Date.UTC(2026, 11, 6, 12, 0)
const rows = [
  { bucketStartMs: AT, spans: 3, errors: 1, histogram: histogramOf([1_000, 2_000, 250_000]).encode() },
  { bucketStartMs: AT - 60_000, spans: 2_000_000_000, errors: 0, histogram: histogramOf([]).encode() },
  { bucketStartMs: AT + 3_600_000, spans: 1, errors: 1, histogram: histogramOf([7]).encode() },
]

describe('unpackMinutes', () => {
  test('gives every row back, in the order packed, its histogram byte for byte', () => {
    const unpacked = unpackMinutes(pack(rows))
    expect(unpacked.map((minute) => ({ ...minute, histogram: [...minute.histogram!] }))).toEqual(
      rows.map((row) => ({ ...row, histogram: [...row.histogram] })),
    )
  })

  test('reads a packed series inside a larger buffer, and appends to the rows given', () => {
    const packed = pack(rows)
    const larger = new Uint8Array(packed.length + 7)
    larger.set(packed, 5)
    const into: OperationMinute[] = [{ bucketStartMs: 0, spans: 0, errors: 0, histogram: null }]
    expect(unpackMinutes(larger.subarray(5, 5 + packed.length), into)).toBe(into)
    expect(into.map((minute) => minute.bucketStartMs)).toEqual([0, ...rows.map((row) => row.bucketStartMs)])
  })

  test('an empty series has no rows', () => {
    expect(unpackMinutes(new Uint8Array(0))).toEqual([])
  })

  test.each([
    ['a header cut short', (packed: Uint8Array) => packed.subarray(0, 12), /header is cut short at byte 0/],
    ['a histogram cut short', (packed: Uint8Array) => packed.subarray(0, packed.length - 1), /runs past the end/],
  ])('refuses %s', (_label, damage, message) => {
    expect(() => unpackMinutes(damage(pack(rows)))).toThrow(message)
  })
})

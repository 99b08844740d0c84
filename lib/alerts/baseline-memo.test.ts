import { describe, expect, test } from 'vitest'
import type { Baseline } from '@/lib/metrics/baseline'
import { bandOf, toStoredBaseline } from '@/lib/metrics/schemas'
import { BaselineMemo, parseStoredBaseline } from './baseline-memo'

const plain = (p95CenterUs: number): Baseline => ({
  state: 'ready',
  kind: 'plain',
  windowStartUs: 0,
  windowEndUs: 3_600_000_000,
  points: 100,
  k: 3,
  bands: { p50: bandOf(p95CenterUs / 2, 1000, 3), p95: bandOf(p95CenterUs, 10_000, 3), p99: bandOf(p95CenterUs * 2, 1000, 3) },
})
const text = (baseline: Baseline) => JSON.stringify(toStoredBaseline(baseline))

describe('parseStoredBaseline', () => {
  test.each<[string, string, Baseline | null]>([
    ['a stored baseline', text(plain(150_000)), plain(150_000)],
    [
      'an insufficient one',
      text({ state: 'insufficient', have: 2, need: 24, reason: 'too little history' }),
      expect.objectContaining({ state: 'insufficient' }),
    ],
    ['another version', JSON.stringify({ ...toStoredBaseline(plain(150_000)), version: 1 }), null],
    ['a damaged one', JSON.stringify({ version: 2, baseline: { state: 'ready' } }), null],
    ['not JSON', '{"version":', null],
  ])('%s', (_label, stored, expected) => {
    expect(parseStoredBaseline(stored)).toEqual(expected)
  })
})

describe('BaselineMemo', () => {
  test('parses a text once: the same text read again gives the same object', () => {
    const memo = new BaselineMemo()
    const first = memo.parseService('checkout', [{ key: 'pay', text: text(plain(150_000)) }]).get('pay')
    const again = memo.parseService('checkout', [{ key: 'pay', text: text(plain(150_000)) }]).get('pay')
    expect(first).toEqual(plain(150_000))
    expect(again).toBe(first)
  })

  test('a baseline rewritten since (by anyone) is parsed again', () => {
    const memo = new BaselineMemo()
    memo.parseService('checkout', [{ key: 'pay', text: text(plain(150_000)) }])
    expect(memo.parseService('checkout', [{ key: 'pay', text: text(plain(300_000)) }]).get('pay')).toEqual(plain(300_000))
  })

  test('keeps each service and series apart, and forgets series a read no longer has', () => {
    const memo = new BaselineMemo()
    const pay = memo.parseService('checkout', [{ key: 'pay', text: text(plain(150_000)) }]).get('pay')
    const ledger = memo.parseService('ledger', [{ key: 'pay', text: text(plain(150_000)) }]).get('pay')
    expect(ledger).not.toBe(pay)
    expect(memo.parseService('checkout', [{ key: 'cart', text: text(plain(150_000)) }]).get('pay')).toBeUndefined()
    const back = memo.parseService('checkout', [{ key: 'pay', text: text(plain(150_000)) }]).get('pay')
    expect(back).toEqual(pay)
    expect(back).not.toBe(pay) // forgotten by the read without it, so parsed afresh
    expect(memo.parseService('ledger', [{ key: 'pay', text: text(plain(150_000)) }]).get('pay')).toBe(ledger)
  })
})

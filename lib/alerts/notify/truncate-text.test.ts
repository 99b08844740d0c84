import { describe, expect, test } from 'vitest'
import { escapeMrkdwn } from './slack-message'
import { ELLIPSIS, fitRendered, truncateText } from './truncate-text'

describe('truncateText', () => {
  test.each([
    ['text that fits is kept', 'checkout', 8, 'checkout'],
    ['longer text is cut with an ellipsis inside the limit', 'checkout-service', 8, 'checkou…'],
    ['a limit of 1 leaves the ellipsis', 'checkout', 1, '…'],
    ['a surrogate pair (🔥, 2 code units) is not split', 'ab🔥cd', 4, 'ab…'],
    ['a keycap 1️⃣ (3 code units) stays whole', 'x1️⃣yz', 5, 'x1️⃣…'],
    ['and is dropped whole when it does not fit', 'x1️⃣yz', 4, 'x…'],
    ['a ZWJ family emoji is dropped whole, not cut', 'a👨‍👩‍👧z', 6, 'a…'],
    ['combining accents stay on their letter', 'cafe\u0301s', 5, 'caf…'],
  ])('%s', (_label, text, max, expected) => {
    const result = truncateText(text, max)
    expect(result).toBe(expected)
    expect(result.length).toBeLessThanOrEqual(max)
  })

  test('refuses a limit below 1', () => {
    expect(() => truncateText('x', 0)).toThrow(RangeError)
  })
})

describe('fitRendered', () => {
  test('keeps text whose rendering fits', () => {
    expect(fitRendered('a < b', 20, escapeMrkdwn)).toBe('a &lt; b')
  })

  test('cuts before an escape rather than inside it', () => {
    const fitted = fitRendered('ab&cd', 6, escapeMrkdwn) // "ab&amp;cd" is 9; "ab&amp;" + "…" is 8
    expect(fitted).toBe(`ab${ELLIPSIS}`)
    expect(fitted.length).toBeLessThanOrEqual(6)
  })

  test('the longest prefix that fits, for any limit', () => {
    const raw = '<&>'.repeat(40)
    for (let max = 1; max < 400; max += 7) {
      const fitted = fitRendered(raw, max, escapeMrkdwn)
      expect(fitted.length).toBeLessThanOrEqual(max)
      expect(fitted).not.toMatch(/&(?!amp;|lt;|gt;)/)
    }
  })
})

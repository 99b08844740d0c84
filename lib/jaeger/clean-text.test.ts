import { describe, expect, test } from 'vitest'
import { cleanText } from './clean-text'

describe('cleanText', () => {
  test.each([
    ['NUL in the middle', 'GET /a\u0000b', 'GET /a\uFFFDb'],
    ['only NUL', '\u0000', '\uFFFD'],
    ['several NULs', '\u0000a\u0000\u0000', '\uFFFDa\uFFFD\uFFFD'],
    ['lone high surrogate', 'op\uD800', 'op\uFFFD'],
    ['lone low surrogate', '\uDC00op', '\uFFFDop'],
    ['low then high: two lone surrogates, not a pair', 'a\uDC00\uD800b', 'a\uFFFD\uFFFDb'],
    ['a lone surrogate beside a valid pair', '\uD83D\uD83D\uDE00', '\uFFFD\uD83D\uDE00'],
    ['valid surrogate pair (emoji) untouched', 'checkout \uD83D\uDED2', 'checkout \uD83D\uDED2'],
    ['other C0 controls kept', 'a\u0001b\tc\nd\u001F', 'a\u0001b\tc\nd\u001F'],
    ['U+FFFD itself kept', 'a\uFFFDb', 'a\uFFFDb'],
    ['clean ASCII untouched', 'SELECT transactions', 'SELECT transactions'],
    ['empty', '', ''],
  ])('%s', (_label, text, cleaned) => {
    expect(cleanText(text)).toBe(cleaned)
  })

  test('the result is well-formed UTF-16 without NUL, so Postgres stores it as it is', () => {
    const cleaned = cleanText('\u0000\uD800x\uDFFF\uD83D\uDE00')
    expect(Buffer.from(cleaned, 'utf8').toString('utf8')).toBe(cleaned)
    expect(cleaned).not.toContain('\u0000')
  })
})

import { describe, expect, test } from 'vitest'
import { finishImport, fractionOfPercent, MAX_SLO_FILE_BYTES, readSloFile } from './yaml-errors'

describe('readSloFile', () => {
  test('documents apart, empty ones left out, each root with its document', () => {
    const file = readSloFile('a: 1\n---\n---\n- b\n', 'SLOs')
    expect(file.errors).toEqual([])
    expect(file.roots.map(({ value }) => value)).toEqual([{ a: 1 }, ['b']])
  })

  test('lines count from 1 after a BOM and CRLF line breaks', () => {
    const file = readSloFile('\uFEFFa: 1\r\nb: 2\r\n', 'SLOs')
    file.report(file.roots[0]!.at, ['b'], 'here')
    expect(file.errors).toEqual([{ line: 2, column: 1, path: 'b', message: 'here' }])
  })

  test.each([
    ['a syntax error, on its line', 'a: 1\nb: [2\n', 3, 'Flow sequence'],
    ['a key given twice', 'a: 1\na: 2\n', 2, 'Map keys must be unique'],
    ['an empty file', ' \n\n', 1, 'the file is empty: no SLOs to import'],
    ['a file too large', `# ${'x'.repeat(MAX_SLO_FILE_BYTES)}\n`, 1, 'larger than 1 MB'],
  ])('%s', (_label, text, line, message) => {
    const { roots, errors } = readSloFile(text, 'SLOs')
    expect(roots).toEqual([])
    expect(errors[0]).toMatchObject({ line })
    expect(errors[0]?.message).toContain(message)
  })

  test('an alias bomb is refused, not expanded', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((key, index) => `${key}: &${key} [${`*${'abcdefg'[index]}, `.repeat(10)}]`),
    ]
    const file = readSloFile(`${bomb.join('\n')}\n`, 'SLOs')
    expect(file.roots).toEqual([])
    expect(file.errors[0]?.message).toMatch(/alias/i)
  })
})

test('finishImport sorts by line and says the same thing on a line once', () => {
  const error = (line: number, message: string) => ({ line, path: '', message })
  expect(finishImport([error(3, 'b'), error(1, 'a'), error(3, 'b')], [])).toEqual({ ok: false, errors: [error(1, 'a'), error(3, 'b')] })
  expect(finishImport([], [])).toEqual({ ok: true, slos: [] })
})

test.each([
  [99.9, 0.999],
  [99.99, 0.9999],
  [95, 0.95],
  [99.999, 0.99999],
])('%s % is %s', (percent, fraction) => expect(fractionOfPercent(percent)).toBe(fraction))

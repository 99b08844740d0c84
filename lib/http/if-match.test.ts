import { describe, expect, test } from 'vitest'
import { expectedVersion, versionEtag } from './if-match'

describe('expectedVersion', () => {
  test.each<[string, string | null, number | undefined, number | undefined]>([
    ['neither: any version', null, undefined, undefined],
    ['If-Match *: any version', '*', undefined, undefined],
    ['the ETag of a GET', versionEtag(3), undefined, 3],
    ['a bare number, as a script writes it', ' 3 ', undefined, 3],
    ['the body alone', null, 4, 4],
    ['both, agreeing', '"4"', 4, 4],
    ['* with a body version: the body decides', '*', 2, 2],
  ])('%s', (_label, ifMatch, bodyVersion, expected) => expect(expectedVersion(ifMatch, bodyVersion)).toBe(expected))

  test.each<[string, string | null, number | undefined, string]>([
    ['a weak ETag (If-Match compares strongly)', 'W/"3"', undefined, 'if-match'],
    ['a list of ETags', '"3", "4"', undefined, 'if-match'],
    ['not a version', '"abc"', undefined, 'if-match'],
    ['version 0', '"0"', undefined, 'if-match'],
    ['an unbalanced quote', '"3', undefined, 'if-match'],
    ['header and body disagree', '"3"', 4, 'version'],
  ])('%s: a 400 naming the field', (_label, ifMatch, bodyVersion, path) =>
    expect(() => expectedVersion(ifMatch, bodyVersion)).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path })] })),
  )
})

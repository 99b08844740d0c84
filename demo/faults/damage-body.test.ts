import { describe, expect, test } from 'vitest'
import { damageBody, flipBytes, reshapeBody, truncateBody } from './damage-body'

const V3 = '{"result":{"resourceSpans":[{"resource":{"attributes":[]}}]}}'
const CLASSIC_ERROR = '{"data":null,"total":0,"limit":0,"offset":0,"errors":[{"code":500,"msg":"x"}]}\n'
const parses = (text: string) => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

describe('every damaged body is what its fault promises', () => {
  test.each([
    ['truncate, a v3 body', truncateBody, V3, false],
    ['truncate, a classic error', truncateBody, CLASSIC_ERROR, false],
    ['flipBytes, a v3 body', flipBytes, V3, false],
    ['flipBytes, a bare list', flipBytes, '["a","b"]', false],
    ['reshapeBody, a v3 body', reshapeBody, V3, true],
    ['reshapeBody, text that is not JSON', reshapeBody, '404 page not found\n', true],
  ])('%s', (_, damage, body, stillJson) => {
    const damaged = damage(body)
    expect(damaged).not.toBe(body)
    expect(parses(damaged)).toBe(stillJson)
  })

  test('truncate keeps the first half; flipBytes keeps the length and changes three bytes', () => {
    expect(truncateBody(V3)).toBe(V3.slice(0, V3.length / 2))
    const flipped = flipBytes(V3)
    expect(flipped).toHaveLength(V3.length)
    expect([...flipped].filter((char, index) => char !== V3[index])).toHaveLength(3)
    expect(flipped[0]).toBe('z')
  })

  test('a reshaped body is an array holding the original', () => {
    expect(JSON.parse(reshapeBody(V3))).toEqual([JSON.parse(V3)])
    expect(JSON.parse(reshapeBody('oops'))).toEqual(['oops'])
  })

  test('damageBody corrupts, then truncates; with neither it returns the response as it was', () => {
    const response = { status: 200, headers: {}, body: V3 }
    expect(damageBody(response, { truncate: false })).toBe(response)
    expect(damageBody(response, { corrupt: 'shape', truncate: true }).body).toBe(truncateBody(reshapeBody(V3)))
  })
})

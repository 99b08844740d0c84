import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatPrometheusDuration, parsePrometheusDuration } from './prometheus-duration'

describe('Prometheus durations', () => {
  it.each([
    ['0', 0],
    ['0s', 0],
    ['30s', 30],
    ['10m', 600],
    ['1h30m', 5400],
    ['2d', 172_800],
    ['1w', 604_800],
    ['1y', 31_536_000],
    ['1h0m5s', 3605],
  ])('%s is %i s', (text, seconds) => expect(parsePrometheusDuration(text)).toBe(seconds))

  it.each(['', '5', '10M', '1m1h', '1.5h', '-5m', '5 m', '500ms', 'm'])('%j is not a duration', (text) =>
    expect(parsePrometheusDuration(text)).toBeNull(),
  )

  it('prints the shortest form that parses back', () => {
    expect(formatPrometheusDuration(5400)).toBe('1h30m')
    expect(formatPrometheusDuration(0)).toBe('0s')
    expect(formatPrometheusDuration(90_061)).toBe('1d1h1m1s')
    fc.assert(fc.property(fc.nat(10_000_000), (seconds) => parsePrometheusDuration(formatPrometheusDuration(seconds)) === seconds))
  })
})

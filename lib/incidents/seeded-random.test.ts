import { expect, test } from 'vitest'
import { seedFor, uniformSource } from './seeded-random'

const draws = (seed: number, count: number) => Array.from({ length: count }, uniformSource(seed))

test('the same seed gives the same numbers; another seed, others', () => {
  expect(draws(42, 20)).toEqual(draws(42, 20))
  expect(draws(42, 20)).not.toEqual(draws(43, 20))
})

test('numbers are in [0, 1) and spread evenly (10 buckets of 10,000 draws, each within 15 % of its share)', () => {
  const values = draws(7, 10_000)
  expect(values.every((value) => value >= 0 && value < 1)).toBe(true)
  const buckets = new Array<number>(10).fill(0)
  for (const value of values) buckets[Math.floor(value * 10)]! += 1
  for (const count of buckets) expect(Math.abs(count - 1000)).toBeLessThan(150)
})

test('seedFor is stable, and differs by name and by seed', () => {
  expect(seedFor(1, 'checkout')).toBe(seedFor(1, 'checkout'))
  expect(seedFor(1, 'checkout')).not.toBe(seedFor(1, 'payments'))
  expect(seedFor(1, 'checkout')).not.toBe(seedFor(2, 'checkout'))
  expect(Number.isInteger(seedFor(1, 'checkout')) && seedFor(1, 'checkout') >= 0).toBe(true)
})

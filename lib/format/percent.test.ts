import { expect, test } from 'vitest'
import { formatPercent } from './percent'

test.each<[number | null, number | undefined, string]>([
  [0.9995, 2, '99.95 %'],
  [0.5, undefined, '50.0 %'],
  [1, 0, '100 %'],
  [0, 2, '0.00 %'],
  [null, 2, '—'],
])('%s with %s digits → %s', (ratio, digits, expected) => expect(formatPercent(ratio, digits)).toBe(expected))

import { describe, expect, test } from 'vitest'
import { layoutFlags } from './marker-flags-layout'

const flag = (xPx: number, widthPx = 60) => ({ xPx, widthPx })

describe('layoutFlags', () => {
  test('no flags, no strip', () => {
    expect(layoutFlags([], 600)).toEqual({ placements: [], rows: 0 })
  })

  test.each([
    { label: 'far apart: one row', xs: [0, 100, 200], rows: [0, 0, 0] },
    { label: 'the second starts under the first: it drops a row', xs: [100, 130], rows: [0, 1] },
    { label: 'a third clear of the first goes back up', xs: [100, 130, 170], rows: [0, 1, 0] },
    { label: 'within the gap counts as overlapping', xs: [100, 162], rows: [0, 1] },
    { label: 'exactly the gap apart fits', xs: [100, 164], rows: [0, 0] },
  ])('$label', ({ xs, rows }) => {
    const { placements } = layoutFlags(
      xs.map((x) => flag(x)),
      600,
    )
    expect(placements.map((placement) => placement.row)).toEqual(rows)
  })

  test('past maxRows, a flag shares the row that frees up first', () => {
    const { placements, rows } = layoutFlags([flag(100), flag(110, 100), flag(120), flag(130)], 600, { maxRows: 3 })
    expect(placements.map((placement) => placement.row)).toEqual([0, 1, 2, 0])
    expect(rows).toBe(3)
  })

  test('near the right edge a flag hangs left of its line, and is laid out where it is drawn', () => {
    const { placements } = layoutFlags([flag(500), flag(580)], 600)
    expect(placements).toEqual([
      { row: 0, anchor: 'start' },
      { row: 1, anchor: 'end' }, // drawn over 520–580: under the first (500–560)
    ])
  })

  test('a plot narrower than the flag keeps it hanging right rather than off the left edge', () => {
    expect(layoutFlags([flag(10)], 40).placements).toEqual([{ row: 0, anchor: 'start' }])
  })
})

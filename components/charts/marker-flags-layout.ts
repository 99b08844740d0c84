// Where the flags of a chart's event markers go in the strip above its plot: each hangs off its
// line without covering the flag before it. Pure.

export type FlagPlacement = { row: number; anchor: 'start' | 'end' }

/**
 * Flags at `xPx` from the plot's left edge, oldest first, each `widthPx` wide. A flag hangs right of
 * its line (anchor 'start'), or left ('end') where it would run past the plot's right edge; it takes
 * the first row where it clears the flags already there by `gapPx`:
 *
 *   row 0   |2.1.0|     |2.2.0|
 *   row 1     |2.1.1|             ← 2.1.1 starts under 2.1.0, so it drops a row
 *
 * Past `maxRows`, a flag goes to the row that frees up first (overlapping: a strip taller than that
 * would crowd the plot). `rows` is how many rows the strip needs.
 */
export function layoutFlags(
  flags: readonly { xPx: number; widthPx: number }[],
  plotWidthPx: number,
  { gapPx = 4, maxRows = 3 }: { gapPx?: number; maxRows?: number } = {},
): { placements: FlagPlacement[]; rows: number } {
  const rowEndsPx: number[] = []
  const placements = flags.map(({ xPx, widthPx }): FlagPlacement => {
    const anchor = xPx + widthPx > plotWidthPx && xPx - widthPx >= 0 ? 'end' : 'start'
    const leftPx = anchor === 'start' ? xPx : xPx - widthPx
    let row = rowEndsPx.findIndex((endPx) => endPx + gapPx <= leftPx)
    if (row === -1) row = rowEndsPx.length < maxRows ? rowEndsPx.length : rowEndsPx.indexOf(Math.min(...rowEndsPx))
    rowEndsPx[row] = leftPx + widthPx
    return { row, anchor }
  })
  return { placements, rows: rowEndsPx.length }
}

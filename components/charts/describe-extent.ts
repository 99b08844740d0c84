/** "12.3 ms to 48 ms" over the non-null values, "48 ms" when they are all equal; null when none. */
export function describeExtent(values: readonly (number | null)[], format: (value: number) => string): string | null {
  const present = values.filter((value): value is number => value !== null)
  if (present.length === 0) return null
  const low = format(Math.min(...present))
  const high = format(Math.max(...present))
  return low === high ? low : `${low} to ${high}`
}

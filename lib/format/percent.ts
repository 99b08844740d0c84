// A ratio (0..1) as people read it: "99.95 %", or "—" when there is none. Display only.

export const formatPercent = (ratio: number | null | undefined, digits = 1): string =>
  ratio === null || ratio === undefined ? '—' : `${(ratio * 100).toFixed(digits)} %`

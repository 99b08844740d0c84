import type { DotItemDotProps } from 'recharts'

/**
 * A `dot` for lines drawn without dots: a point whose neighbours are both gaps has no segment to
 * show it, so it gets a dot (Grafana's "show points: auto").
 */
export function isolatedDot(color: string) {
  return function IsolatedDot({ points, index, cx, cy }: DotItemDotProps) {
    if (cx == null || cy == null || points[index - 1]?.y != null || points[index + 1]?.y != null) return null
    return <circle cx={cx} cy={cy} r={2.5} fill={color} />
  }
}

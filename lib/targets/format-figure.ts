// How a target's figure reads: on the scorecard tile and in its status reason. Display only.
import { formatPercent } from '@/lib/format/percent'
import type { TargetKey } from './schemas'

/** The figure as it reads on the tile. */
export function formatFigure(key: TargetKey, value: number, inventory?: number): string {
  switch (key) {
    case 'services_traced':
      // A count; a projection at the current pace (target-status.ts) is a fraction and reads rounded.
      return inventory === undefined ? String(Math.round(value)) : `${Math.round(value)} of ${inventory}`
    case 'tracing_overhead':
      return `${value.toFixed(2)} ms`
    case 'trace_reliability':
      return formatPercent(value, 2)
    case 'debugging_time':
      return value >= 0 ? `${Math.round(value * 100)} % faster` : `${Math.round(-value * 100)} % slower`
  }
}

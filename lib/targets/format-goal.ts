// How a target's goal reads on the scorecard. Display only.
import { formatPercent } from '@/lib/format/percent'
import type { Target } from './schemas'

export function formatGoal({ key, goal, comparator }: Pick<Target, 'key' | 'goal' | 'comparator'>, inventorySize?: number): string {
  const sign = comparator === 'at_most' ? '<' : '≥'
  switch (key) {
    case 'services_traced':
      return inventorySize ? `${goal} of ${inventorySize}` : `${goal}`
    case 'tracing_overhead':
      return `${sign} ${goal} ms`
    case 'trace_reliability':
      return `${sign} ${formatPercent(goal, goal * 100 >= 99 ? 1 : 0)}`
    case 'debugging_time':
      return `${Math.round(goal * 100)} % faster`
  }
}

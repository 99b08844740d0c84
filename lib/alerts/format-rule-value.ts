// How a rule's value reads (display only): in the unit its kind measures (rule-values.ts).
import { formatPercent } from '@/lib/format/percent'
import type { RuleBacktest } from './schemas'

export type RuleValueUnit = RuleBacktest['unit']

export function formatRuleValue(unit: RuleValueUnit, value: number): string {
  switch (unit) {
    case 'ms':
      return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value >= 100 ? Math.round(value) : value.toFixed(1)} ms`
    case 'ratio':
      return formatPercent(value, value > 0.99 && value < 1 ? 2 : 1)
    case 'factor':
      return `${value.toFixed(2)} × baseline`
    case 'deviation':
      return `${value.toFixed(1)} σ`
    case 'minutes':
      return `${Math.round(value)} min silent`
    case 'burn_rate':
      return `${value.toFixed(1)}× budget burn`
    case 'failing_metrics':
      return `${Math.round(value)} failing canary metric${Math.round(value) === 1 ? '' : 's'}`
  }
}

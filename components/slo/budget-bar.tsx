import { cn } from '@/lib/cn'
import { formatBudget } from '@/lib/slo/format-slo'

/**
 * The error budget left as a bar: full at the window's start, green while over half is left, amber
 * under half, red once spent (an overspent budget shows an empty red bar and its negative share).
 */
export function BudgetBar({ remaining, className }: { remaining: number | null; className?: string }) {
  if (remaining === null) return <span className="text-sm text-muted">—</span>
  const width = Math.max(0, Math.min(1, remaining)) * 100
  const tone = remaining <= 0 ? 'bg-bad' : remaining < 0.5 ? 'bg-warn' : 'bg-ok'
  return (
    <div className={cn('flex items-center gap-2', className)}>
      <div
        role="meter"
        aria-label="Error budget left"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(Math.max(0, remaining) * 100)}
        aria-valuetext={`${formatBudget(remaining)} of the error budget left`}
        className={cn('h-2 w-24 overflow-hidden rounded-full', remaining <= 0 ? 'bg-bad-soft' : 'bg-surface-muted')}
      >
        <div className={cn('h-full rounded-full', tone)} style={{ width: `${width}%` }} />
      </div>
      <span className={cn('text-sm tabular-nums', remaining <= 0 && 'font-medium text-bad')}>{formatBudget(remaining)}</span>
    </div>
  )
}

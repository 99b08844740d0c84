import { cn } from '@/lib/cn'
import { formatDurationUs } from '@/lib/format/duration-us'
import { WATERFALL_COLUMNS } from './waterfall-row'

/** Quarters of the trace, as Jaeger UI marks its timeline. */
export const TICK_FRACTIONS = [0, 0.25, 0.5, 0.75, 1] as const

/** The row of tick labels over the timeline column. */
export function TimeAxis({ durationUs, label }: { durationUs: number; label: string }) {
  return (
    <div className={cn(WATERFALL_COLUMNS, 'h-8 border-b border-border bg-surface text-[0.6875rem] font-medium text-muted')}>
      <div className="flex items-center border-r border-border px-3 tracking-wide uppercase">{label}</div>
      <div className="relative mx-3" aria-hidden>
        {TICK_FRACTIONS.map((fraction) => (
          <span
            key={fraction}
            className={cn(
              'absolute top-1/2 -translate-y-1/2 whitespace-nowrap tabular-nums',
              fraction === 0 ? '' : fraction === 1 ? '-translate-x-full' : '-translate-x-1/2',
            )}
            style={{ left: `${fraction * 100}%` }}
          >
            {formatDurationUs(durationUs * fraction)}
          </span>
        ))}
      </div>
    </div>
  )
}

/** Vertical lines at the ticks, drawn once behind all rows. */
export function TimeGrid() {
  return (
    <div aria-hidden className={cn(WATERFALL_COLUMNS, 'pointer-events-none absolute inset-0')}>
      <div />
      <div className="relative mx-3">
        {TICK_FRACTIONS.map((fraction) => (
          <span key={fraction} className="absolute inset-y-0 w-px bg-border/70" style={{ left: `${fraction * 100}%` }} />
        ))}
      </div>
    </div>
  )
}

import { cn } from '@/lib/cn'

/** One figure with its label and a line of context: the tiles above a page's charts. */
export function StatTile({ label, value, detail, tone }: { label: string; value: string; detail?: string; tone?: 'bad' | 'warn' }) {
  return (
    <div className="rounded-lg border border-border bg-surface px-4 py-3 shadow-xs">
      <div className="text-xs text-muted">{label}</div>
      <div className={cn('mt-1 text-xl font-semibold tabular-nums', tone === 'bad' && 'text-bad', tone === 'warn' && 'text-warn')}>
        {value}
      </div>
      {detail && <div className="mt-0.5 text-xs text-muted">{detail}</div>}
    </div>
  )
}

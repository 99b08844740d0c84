import { TriangleAlert } from 'lucide-react'
import { cn } from '@/lib/cn'
import { formatMoment } from '@/lib/format/date'
import { formatRelativeTime } from '@/lib/format/relative-time'
import { fromMicros } from '@/lib/time/micros'

type Sync = { health: string; dataAsOfUs: number | null; lastError: string | null }

/** "Data as of 14:03 UTC (2 min ago)"; when the sync is failing, says so and that the page shows what was synced before. */
export function DataAsOf({ sync, nowUs, className }: { sync: Sync; nowUs: number; className?: string }) {
  const now = fromMicros(nowUs)
  if (sync.dataAsOfUs === null) return <span className={cn('text-xs text-muted', className)}>Not synced from Jaeger yet</span>
  const asOf = fromMicros(sync.dataAsOfUs)
  const text = `Data as of ${formatMoment(asOf, now)} (${formatRelativeTime(asOf, now)})`
  if (sync.health !== 'failing') return <span className={cn('text-xs text-muted', className)}>{text}</span>
  return (
    <span
      role="status"
      className={cn('inline-flex items-center gap-1.5 rounded-md bg-warn-soft px-2 py-1 text-xs text-warn', className)}
      title={sync.lastError ?? undefined}
    >
      <TriangleAlert className="size-3.5" aria-hidden />
      Jaeger unreachable — {text.charAt(0).toLowerCase()}
      {text.slice(1)}
    </span>
  )
}

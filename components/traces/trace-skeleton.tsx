import { Card } from '@/components/ui/card'
import { PageSkeleton, Skeleton } from '@/components/ui/skeleton'

// Staggered bars, like a waterfall: where each span's bar starts and how wide it is (percent).
const BARS = [
  [0, 100],
  [2, 70],
  [6, 40],
  [10, 22],
  [34, 30],
  [48, 18],
  [70, 25],
  [74, 12],
] as const

/** The trace view's outline while Jaeger answers (the one live call). */
export function TraceSkeleton() {
  return (
    <PageSkeleton label="Opening the trace from Jaeger" titleClassName="w-96 max-w-full" subtitleClassName="w-64">
      <p className="text-sm text-muted">Opening the trace from Jaeger…</p>
      <Card>
        <div className="divide-y divide-border">
          {BARS.map(([offset, width], index) => (
            <div key={index} className="grid grid-cols-[16rem_1fr] items-center gap-4 px-5 py-2.5">
              <Skeleton className="h-4" />
              <div className="relative h-4">
                <div className="absolute inset-y-0 animate-pulse rounded bg-accent/30" style={{ left: `${offset}%`, width: `${width}%` }} />
              </div>
            </div>
          ))}
        </div>
      </Card>
    </PageSkeleton>
  )
}

import { ArrowDownRight, ArrowUpRight } from 'lucide-react'
import Link from 'next/link'
import { serviceHref } from '@/components/time-range/range-link'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { formatRelativeTime } from '@/lib/format/relative-time'
import type { ServiceView } from '@/lib/latency/schemas'
import type { TimeRange } from '@/lib/time-range/time-range'
import { fromMicros } from '@/lib/time/micros'

function Edges({
  title,
  icon: Icon,
  edges,
  range,
  now,
}: {
  title: string
  icon: typeof ArrowUpRight
  edges: ServiceView['callers']
  range: TimeRange
  now: Date
}) {
  return (
    <div>
      <h3 className="mb-1 flex items-center gap-1 text-xs font-medium tracking-wide text-muted uppercase">
        <Icon className="size-3.5" aria-hidden />
        {title}
      </h3>
      {edges.length ? (
        <ul className="divide-y divide-border text-sm">
          {edges.map((edge) => (
            <li key={edge.service} className="flex items-baseline justify-between gap-2 py-1.5">
              <Link href={serviceHref(edge.service, range)} className="truncate hover:text-accent hover:underline">
                {edge.service}
              </Link>
              <span
                className="shrink-0 text-xs text-muted tabular-nums"
                title={`last call ${formatRelativeTime(fromMicros(edge.lastSeenUs), now)}`}
              >
                {edge.calls.toLocaleString('en')} calls{edge.errors ? ` · ${edge.errors.toLocaleString('en')} failed` : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="py-1.5 text-sm text-muted">none seen</p>
      )}
    </div>
  )
}

/** Who calls this service and whom it calls, as the synced traces show (sampled spans, since the sync began). */
export function DependenciesCard({
  callers,
  callees,
  range,
  nowUs,
}: Pick<ServiceView, 'callers' | 'callees'> & { range: TimeRange; nowUs: number }) {
  const now = fromMicros(nowUs)
  return (
    <Card>
      <CardHeader title="Dependencies" description="From parent–child spans across services, counted since the sync began" />
      <CardBody className="space-y-4">
        <Edges title="Called by" icon={ArrowDownRight} edges={callers} range={range} now={now} />
        <Edges title="Calls" icon={ArrowUpRight} edges={callees} range={range} now={now} />
      </CardBody>
    </Card>
  )
}

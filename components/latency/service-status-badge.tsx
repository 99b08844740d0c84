import { Badge, type BadgeTone } from '@/components/ui/badge'
import type { ServiceRow } from '@/lib/latency/schemas'

const STATUS: Record<ServiceRow['status'], { label: string; tone: BadgeTone; title: string }> = {
  slow: { label: 'slow', tone: 'bad', title: 'Its entry spans or an operation are above their baseline band' },
  erroring: { label: 'erroring', tone: 'warn', title: '5 % or more of its entry spans failed in this range' },
  ok: { label: 'ok', tone: 'ok', title: 'Within its baseline, few errors' },
  no_data: { label: 'no spans in range', tone: 'neutral', title: 'Traced, but nothing in this range' },
  not_traced: { label: 'not traced yet', tone: 'neutral', title: 'Jaeger has never listed this service' },
}

export function ServiceStatusBadge({ status }: { status: ServiceRow['status'] }) {
  const { label, tone, title } = STATUS[status]
  return (
    <Badge tone={tone} title={title}>
      {label}
    </Badge>
  )
}

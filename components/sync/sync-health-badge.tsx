import { AlertTriangle, CheckCircle2, CircleDashed, LoaderCircle } from 'lucide-react'
import { Badge } from '@/components/ui/badge'
import type { SyncStatus } from '@/lib/sync/sync-status'

export function SyncHealthBadge({ status }: { status: SyncStatus }) {
  switch (status.health) {
    case 'caught-up':
      return (
        <Badge tone="ok">
          <CheckCircle2 className="size-3" aria-hidden /> caught up
        </Badge>
      )
    case 'backfilling':
      return (
        <Badge tone="ok" title="Current data is in; history is still being read">
          <CheckCircle2 className="size-3" aria-hidden /> current · history {status.backfillPercent?.toFixed(0)} %
        </Badge>
      )
    case 'catching-up':
      return (
        <Badge tone="accent">
          <LoaderCircle className="size-3 animate-spin" aria-hidden /> catching up
        </Badge>
      )
    case 'failing':
      return (
        <Badge tone="bad">
          <AlertTriangle className="size-3" aria-hidden /> failing
        </Badge>
      )
    case 'not-in-jaeger':
      return (
        <Badge>
          <CircleDashed className="size-3" aria-hidden /> no spans in Jaeger
        </Badge>
      )
  }
}

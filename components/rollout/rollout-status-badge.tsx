import { Badge, type BadgeTone } from '@/components/ui/badge'
import type { RolloutStatus } from '@/lib/rollout/schemas'

const LOOK: Record<RolloutStatus, { tone: BadgeTone; label: string }> = {
  not_started: { tone: 'neutral', label: 'Not started' },
  instrumented: { tone: 'accent', label: 'Instrumented' },
  verified: { tone: 'ok', label: 'Verified' },
  regressed: { tone: 'bad', label: 'Regressed' },
}

export const rolloutStatusLabel = (status: RolloutStatus) => LOOK[status].label

export function RolloutStatusBadge({ status, overridden = false }: { status: RolloutStatus; overridden?: boolean }) {
  const { tone, label } = LOOK[status]
  return (
    <Badge tone={tone} data-status={status}>
      {label}
      {overridden && <span className="font-normal">(override)</span>}
    </Badge>
  )
}

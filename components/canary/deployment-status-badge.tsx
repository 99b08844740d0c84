import { Badge, type BadgeTone } from '@/components/ui/badge'
import type { DeploymentStatus } from '@/lib/canary/deployment-read-repository'

const LOOK: Record<DeploymentStatus, { tone: BadgeTone; label: string }> = {
  announced: { tone: 'neutral', label: 'Announced' },
  in_progress: { tone: 'accent', label: 'In progress' },
  finished: { tone: 'ok', label: 'Finished' },
  rolled_back: { tone: 'bad', label: 'Rolled back' },
}

export const deploymentStatusLabel = (status: DeploymentStatus) => LOOK[status].label

export function DeploymentStatusBadge({ status }: { status: DeploymentStatus }) {
  const { tone, label } = LOOK[status]
  return (
    <Badge tone={tone} data-status={status}>
      {label}
    </Badge>
  )
}

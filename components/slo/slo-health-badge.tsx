import { Badge, type BadgeTone } from '@/components/ui/badge'
import { SLO_HEALTH_LABELS, type SloHealth } from '@/lib/slo/slo-health'

const TONE: Record<SloHealth, BadgeTone> = { page: 'bad', exhausted: 'bad', ticket: 'warn', ok: 'ok', no_data: 'neutral' }

export function SloHealthBadge({ health }: { health: SloHealth }) {
  return <Badge tone={TONE[health]}>{SLO_HEALTH_LABELS[health]}</Badge>
}

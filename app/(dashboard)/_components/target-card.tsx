import { CircleDashed } from 'lucide-react'
import { Badge } from '@/components/ui/badge'
import { Card } from '@/components/ui/card'
import { TARGET_AWAITS, TARGET_METHOD } from '@/lib/targets/descriptions'
import { formatGoal } from '@/lib/targets/format-goal'
import type { Target } from '@/lib/targets/schemas'

export function TargetCard({ target, inventorySize }: { target: Target; inventorySize: number }) {
  return (
    <Card className="flex flex-col p-5" data-testid={`target-${target.key}`}>
      <div className="flex items-start justify-between gap-2">
        <h3 className="text-sm font-medium text-muted">{target.label}</h3>
        <Badge tone="neutral" className="shrink-0 whitespace-nowrap">
          <CircleDashed className="size-3" aria-hidden />
          No data yet
        </Badge>
      </div>
      <div className="mt-3 flex items-baseline gap-2">
        <span className="text-3xl font-semibold tracking-tight text-muted" aria-label="not measured">
          —
        </span>
        <span className="text-sm text-muted">
          goal <span className="font-medium text-foreground">{formatGoal(target, inventorySize)}</span>
        </span>
      </div>
      <p className="mt-3 text-xs text-muted">{TARGET_AWAITS[target.key]}</p>
      <p className="mt-auto border-t border-border pt-3 text-xs text-muted">{TARGET_METHOD[target.key]}</p>
    </Card>
  )
}

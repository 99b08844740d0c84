import { CircleCheck, CircleX, Hourglass, TriangleAlert, type LucideIcon } from 'lucide-react'
import { verdictLabel } from '@/components/canary/verdict-badge'
import { cn } from '@/lib/cn'
import type { VerdictReason } from '@/lib/canary/deployment-detail'

const LOOK: Record<VerdictReason['result'], { icon: LucideIcon; className: string }> = {
  fail: { icon: CircleX, className: 'text-bad' },
  marginal: { icon: TriangleAlert, className: 'text-warn' },
  pass: { icon: CircleCheck, className: 'text-ok' },
  not_enough_data: { icon: Hourglass, className: 'text-muted' },
}

/** The verdict's reasons, failing first, each marked with its result. */
export function VerdictReasons({ reasons }: { reasons: VerdictReason[] }) {
  return (
    <ul className="space-y-2 px-5 py-4 text-sm" aria-label="Reasons for the verdict">
      {reasons.map((reason, index) => {
        const { icon: Icon, className } = LOOK[reason.result]
        return (
          <li key={index} className="flex items-start gap-2" data-result={reason.result}>
            <Icon className={cn('mt-0.5 size-4 shrink-0', className)} aria-hidden />
            <span>
              <span className="sr-only">{verdictLabel(reason.result)}: </span>
              {reason.text}
            </span>
          </li>
        )
      })}
    </ul>
  )
}

import { Badge, type BadgeTone } from '@/components/ui/badge'
import type { CanaryVerdict } from '@/lib/canary/canary-judge'

const LOOK: Record<CanaryVerdict | 'not_judged', { tone: BadgeTone; label: string }> = {
  pass: { tone: 'ok', label: 'Pass' },
  marginal: { tone: 'warn', label: 'Marginal' },
  fail: { tone: 'bad', label: 'Fail' },
  not_enough_data: { tone: 'neutral', label: 'Not enough data' },
  not_judged: { tone: 'neutral', label: 'Not judged yet' },
}

export const verdictLabel = (verdict: CanaryVerdict | null) => LOOK[verdict ?? 'not_judged'].label

/** The canary judge's verdict, with its 0–100 score when there is one. */
export function VerdictBadge({ verdict, score = null }: { verdict: CanaryVerdict | null; score?: number | null }) {
  const { tone, label } = LOOK[verdict ?? 'not_judged']
  return (
    <Badge tone={tone} data-verdict={verdict ?? 'not_judged'}>
      {label}
      {score !== null && (
        <span className="font-normal tabular-nums">
          <span aria-hidden>·</span>
          <span className="sr-only">, score</span> {Math.round(score)}
        </span>
      )}
    </Badge>
  )
}

import { formatObjective } from '@/lib/slo/format-slo'
import type { Slo } from '@/lib/slo/schemas'
import type { SloStatus } from '@/lib/slo/slo-status'

const count = (value: number) => (Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(1))

/** The budget's arithmetic with this SLO's own numbers, so the figure can be checked by hand (Pyrra #1576). */
export function HowComputed({ slo, status }: { slo: Slo; status: SloStatus }) {
  const { budget, totals } = status
  const share = 1 - slo.objective
  const windowDays = (status.windowEndMs - status.windowStartMs) / 86_400_000
  return (
    <div className="space-y-2 px-5 py-4 text-sm">
      {budget.unit === 'events' ? (
        <p>
          Budget = (1 − {formatObjective(slo.objective)}) × {count(totals.total)} events in the window so far ={' '}
          <strong>{count(budget.allowed)}</strong> bad events allowed. Spent: {count(budget.spent)} bad events ({count(totals.good)} good).
          Left: {count(budget.left)} = <strong>{Math.round(budget.remaining * 1000) / 10} %</strong>. At the window&apos;s start nothing is
          spent, so the budget starts at 100 %.
        </p>
      ) : (
        <p>
          Budget = (1 − {formatObjective(slo.objective)}) × {count(status.windowMinutes)} minutes in the window
          {status.correctedMinutes ? ` (${count(status.correctedMinutes)} corrected minutes left out)` : ''} ={' '}
          <strong>{count(budget.allowed)}</strong> bad minutes allowed. Spent: {count(budget.spent)} minutes whose SLI was under{' '}
          {formatObjective(slo.timeSliceTarget ?? slo.objective)}. Left: <strong>{Math.round(budget.remaining * 1000) / 10} %</strong>.
          Minutes without events are good.
        </p>
      )}
      <p className="text-muted">
        The window is {Number(windowDays.toFixed(2))} days ({new Date(status.windowStartMs).toISOString().slice(0, 16)} to{' '}
        {new Date(status.windowEndMs).toISOString().slice(0, 16)} UTC), counted up to the service&apos;s watermark. A burn rate is the bad
        share over a window ÷ {Number((share * 100).toFixed(4))} %: at 1× the budget lasts exactly the window. Windows up to 6 h are counted
        minute by minute; longer ones in whole hours plus the running hour.
        {slo.sli.kind === 'latency' &&
          ` Good spans are read from the merged latency histograms, whose buckets are 2 % wide: spans between ${slo.sli.thresholdMs} and ${Math.round(slo.sli.thresholdMs * 1.0202 * 10) / 10} ms may count as good, never the other way.`}
        {status.correctedMinutes > 0 && ` Corrections leave ${count(status.correctedMinutes)} minutes out of this window.`}
      </p>
    </div>
  )
}

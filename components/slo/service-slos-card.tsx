import Link from 'next/link'
import { BudgetBar } from '@/components/slo/budget-bar'
import { SloHealthBadge } from '@/components/slo/slo-health-badge'
import { Card, CardHeader } from '@/components/ui/card'
import { describeSli, formatObjective, formatSli } from '@/lib/slo/format-slo'
import type { SloOverview } from '@/lib/slo/slo-read-repository'

/** A service page's SLOs: objective, SLI and budget left at a glance, each linking to its page. */
export function ServiceSlosCard({ service, slos, canWrite }: { service: string; slos: SloOverview[]; canWrite: boolean }) {
  return (
    <Card>
      <CardHeader
        title="SLOs"
        description={slos.length ? `Objectives over ${service}'s spans, as of the last accounting pass.` : undefined}
        action={
          <Link href={`/slos?service=${encodeURIComponent(service)}`} className="text-sm text-accent underline-offset-2 hover:underline">
            All SLOs
          </Link>
        }
      />
      {slos.length ? (
        <ul className="divide-y divide-border" aria-label={`SLOs of ${service}`}>
          {slos.map(({ slo, status, health }) => (
            <li key={slo.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-5 py-3 text-sm">
              <Link href={`/slos/${slo.id}`} className="min-w-48 font-medium hover:text-accent hover:underline">
                {slo.displayName ?? slo.name}
                <span className="block text-xs font-normal text-muted">
                  {formatObjective(slo.objective)} · {describeSli(slo)}
                </span>
              </Link>
              <SloHealthBadge health={health} />
              <span className="tabular-nums">SLI {formatSli(status?.budget.sli ?? null)}</span>
              <BudgetBar remaining={status && status.budget.sli !== null ? status.budget.remaining : null} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="px-5 py-4 text-sm text-muted">
          No SLO watches {service} yet.{' '}
          {canWrite && (
            <Link href="/slos/new" className="text-accent underline underline-offset-2">
              Define one
            </Link>
          )}
        </p>
      )}
    </Card>
  )
}

import { Boxes, Compass } from 'lucide-react'
import Link from 'next/link'
import { SystemStatus } from '@/components/health/system-status'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { requirePermission } from '@/lib/auth/session'
import { formatDate } from '@/lib/format/date'
import { checkHealth } from '@/lib/health/check-health'
import { countInventory } from '@/lib/inventory/repository'
import { getScorecard } from '@/lib/scorecard/scorecard-repository'
import { TargetCard } from './_components/target-card'

export const dynamic = 'force-dynamic'

export default async function OverviewPage() {
  await requirePermission('dashboard.read')
  const [scorecard, counts, health] = await Promise.all([getScorecard(), countInventory(), checkHealth({ jaeger: 'worker' })])
  const dueDate = scorecard.figures.find((figure) => figure.target.dueDate)?.target.dueDate
  return (
    <>
      <PageHeader
        title="Overview"
        description={dueDate ? `Week-2 targets, due ${formatDate(dueDate)}` : 'Week-2 targets of the tracing rollout'}
      />
      <PageBody>
        <section aria-labelledby="scorecard-heading">
          <h2 id="scorecard-heading" className="sr-only">
            Scorecard
          </h2>
          {scorecard.figures.length ? (
            <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
              {scorecard.figures.map((figure) => (
                <TargetCard key={figure.target.key} figure={figure} />
              ))}
            </div>
          ) : (
            <Card>
              <CardBody className="text-sm text-muted">
                No targets are defined. Run the seed (`npm run db:seed`) to create the defaults.
              </CardBody>
            </Card>
          )}
        </section>
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="lg:col-span-2">
            <SystemStatus health={health} />
          </div>
          <Card>
            <CardHeader title="Inventory" description="Services we expect to trace" />
            <CardBody className="space-y-3">
              <div className="flex items-center gap-3">
                <Boxes className="size-5 text-accent" aria-hidden />
                <span className="text-2xl font-semibold" data-testid="inventory-count">
                  {counts.inventory}
                </span>
                <span className="text-sm text-muted">in inventory</span>
              </div>
              <div className="flex items-center gap-3">
                <Compass className="size-5 text-muted" aria-hidden />
                <span className="text-2xl font-semibold">{counts.discovered}</span>
                <span className="text-sm text-muted">discovered in Jaeger, not in inventory</span>
              </div>
              <Link href="/settings/inventory" className="inline-block text-sm font-medium text-accent hover:underline">
                View inventory →
              </Link>
            </CardBody>
          </Card>
        </div>
      </PageBody>
    </>
  )
}

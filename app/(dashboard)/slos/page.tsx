import { Download, Gauge, Plus } from 'lucide-react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { buttonClasses } from '@/components/ui/button'
import { Card, CardHeader } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { can } from '@/lib/auth/permissions'
import { requirePermission } from '@/lib/auth/session'
import { listSloRows, sloListParams } from '@/lib/slo/slo-list'
import { listSloOverviews } from '@/lib/slo/slo-read-repository'
import { ImportSlosForm } from './_components/import-slos-form'
import { SloFilters } from './_components/slo-filters'
import { SloTable } from './_components/slo-table'

export const metadata: Metadata = { title: 'SLOs' }

export default async function SlosPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('dashboard.read')
  const params = sloListParams.parse(await searchParams)
  const { overviews, unreadable } = await listSloOverviews()
  const rows = listSloRows(overviews, params)
  const canWrite = can(user.role, 'slos.write')
  const burning = overviews.filter((overview) => overview.health === 'page' || overview.health === 'ticket').length
  const spent = overviews.filter((overview) => overview.health === 'exhausted').length
  const services = [...new Set(overviews.flatMap((overview) => (overview.slo.service ? [overview.slo.service] : [])))].sort()
  return (
    <>
      <PageHeader
        title="SLOs"
        description={
          overviews.length
            ? `${overviews.length} objective${overviews.length === 1 ? '' : 's'}: ${burning} burning budget, ${spent} with the budget spent. Multi-window burn-rate alerts page before a budget is gone.`
            : 'Objectives over a window, with the error budget left and multi-window burn-rate alerts.'
        }
        actions={
          <>
            {overviews.length > 0 && (
              <a href="/api/v1/slos/export" download className={buttonClasses({ variant: 'secondary' })}>
                <Download className="size-4" aria-hidden /> Export OpenSLO
              </a>
            )}
            {canWrite && (
              <Link href="/slos/new" className={buttonClasses({ variant: 'primary' })}>
                <Plus className="size-4" aria-hidden /> New SLO
              </Link>
            )}
          </>
        }
      />
      <PageBody>
        {unreadable.length > 0 && (
          <p role="alert" className="rounded-md border border-warn bg-warn-soft px-4 py-3 text-sm">
            {unreadable.length} SLO{unreadable.length === 1 ? '' : 's'} cannot be read and {unreadable.length === 1 ? 'is' : 'are'} not
            accounted: {unreadable.map((slo) => slo.name).join(', ')}.
          </p>
        )}
        {overviews.length === 0 ? (
          <EmptyState
            icon={Gauge}
            title="No SLOs yet"
            action={
              canWrite && (
                <Link href="/slos/new" className={buttonClasses({ variant: 'primary' })}>
                  Define the first SLO
                </Link>
              )
            }
          >
            An SLO says what good service is (99 % of POST /v1/payments under 300 ms over 28 days). Its error budget is what may go wrong;
            burn-rate alerts page when it goes too fast. Import OpenSLO or Sloth files below.
          </EmptyState>
        ) : (
          <Card>
            <CardHeader
              title="Objectives"
              description="Figures as of each service's watermark, refreshed every minute by the worker. Sort by any column; the view is in the link."
            />
            <SloFilters params={params} services={services} shown={rows.length} total={overviews.length} />
            {rows.length ? (
              <SloTable rows={rows} params={params} />
            ) : (
              <p className="px-5 py-6 text-sm text-muted">No SLO matches these filters.</p>
            )}
          </Card>
        )}
        {canWrite && (
          <Card>
            <CardHeader
              title="Import OpenSLO or Sloth"
              description="OpenSLO v1 (SLO, SLI and AlertPolicy documents, one policy per burn-rate tier) or a Sloth spec. SLOs are matched by name: a file's SLO replaces the stored one. All or nothing, with the line of each problem; CI jobs post the same file to POST /api/v1/slos/import with a token."
            />
            <ImportSlosForm />
          </Card>
        )}
      </PageBody>
    </>
  )
}

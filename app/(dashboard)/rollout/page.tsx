import { AlertTriangle, Download, Gauge, Rocket } from 'lucide-react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { z } from 'zod'
import { BurnUpChart } from '@/components/rollout/burn-up-chart'
import { rolloutStatusLabel } from '@/components/rollout/rollout-status-badge'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { buttonClasses } from '@/components/ui/button'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { Table, Th } from '@/components/ui/table'
import { can } from '@/lib/auth/permissions'
import { requirePermission } from '@/lib/auth/session'
import { formatDay } from '@/lib/format/date'
import { getRolloutBoard, QUALITY_DAYS, type BoardService } from '@/lib/rollout/board-repository'
import { ROLLOUT_STATUSES } from '@/lib/rollout/schemas'
import { PrintButton } from './_components/print-button'
import { ServiceRow } from './_components/service-row'

export const metadata: Metadata = { title: 'Rollout' }
export const dynamic = 'force-dynamic'

const GROUPS = ['wave', 'team', 'status'] as const
const boardQuery = z.object({
  group: z.enum(GROUPS).catch('wave'),
  status: z.enum(ROLLOUT_STATUSES).optional().catch(undefined),
  team: z.string().max(120).optional().catch(undefined),
  late: z.literal('1').optional().catch(undefined),
})
type BoardQuery = z.infer<typeof boardQuery>

const waveName = (wave: number | null) => (wave === null ? 'No wave' : wave === 0 ? 'Pilot (wave 0)' : `Wave ${wave}`)
const groupKey = (service: BoardService, group: BoardQuery['group']) =>
  group === 'wave' ? waveName(service.wave) : group === 'team' ? (service.team ?? 'No team') : rolloutStatusLabel(service.status)

function hrefWith(query: BoardQuery, change: Partial<Record<keyof BoardQuery, string | undefined>>) {
  const params = new URLSearchParams()
  const next = { ...query, ...change }
  if (next.group !== 'wave') params.set('group', next.group!)
  if (next.status) params.set('status', next.status)
  if (next.team) params.set('team', next.team)
  if (next.late) params.set('late', next.late)
  const search = params.toString()
  return search ? `/rollout?${search}` : '/rollout'
}

export default async function RolloutPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('dashboard.read')
  const query = boardQuery.parse(
    Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])),
  )
  const board = await getRolloutBoard()
  const mayOverride = can(user.role, 'rollout.override')
  const mayClear = can(user.role, 'rollout.configure')

  const shown = board.services.filter(
    (service) =>
      (!query.status || service.status === query.status) && (!query.team || service.team === query.team) && (!query.late || service.late),
  )
  const groups = new Map<string, BoardService[]>()
  for (const service of shown) {
    const key = groupKey(service, query.group)
    if (!groups.has(key)) groups.set(key, [])
    groups.get(key)!.push(service)
  }
  const teams = [...new Set(board.services.flatMap((service) => (service.team ? [service.team] : [])))].sort()
  const live = board.services.filter((service) => service.goLiveAt).length
  const late = board.services.filter((service) => service.late)
  const filtered = Boolean(query.status || query.team || query.late)

  return (
    <>
      <PageHeader
        title="Rollout"
        description={`${live} of ${board.services.length} inventory services traced${board.dueDate ? `; due ${formatDay(new Date(`${board.dueDate}T00:00:00Z`))}` : ''}`}
        actions={
          <div className="flex items-center gap-2 print:hidden">
            <Link href="/rollout/overhead" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
              <Gauge className="size-4" aria-hidden /> Overhead
            </Link>
            <a href="/api/v1/rollout?format=csv" className={buttonClasses({ variant: 'secondary', size: 'sm' })} download>
              <Download className="size-4" aria-hidden /> CSV
            </a>
            <PrintButton />
          </div>
        }
      />
      <PageBody>
        {board.services.length === 0 ? (
          <EmptyState icon={Rocket} title="No services in the inventory">
            The board lists the services the rollout plans to trace. <Link href="/settings/inventory">Import a catalog</Link> to start.
          </EmptyState>
        ) : (
          <>
            {late.length > 0 && (
              <div
                role="note"
                className="flex items-start gap-2 rounded-md border border-warn/40 bg-warn-soft px-4 py-3 text-sm text-foreground"
              >
                <AlertTriangle className="mt-0.5 size-4 shrink-0 text-warn" aria-hidden />
                <p>
                  <strong>{late.length} late:</strong>{' '}
                  {late.map((service, index) => (
                    <span key={service.name}>
                      {index > 0 && ', '}
                      <a href={`#service-${service.name}`} className="font-mono text-xs underline">
                        {service.name}
                      </a>{' '}
                      ({service.late!.daysLate} {service.late!.daysLate === 1 ? 'day' : 'days'})
                    </span>
                  ))}{' '}
                  — past their planned date with no spans yet.{' '}
                  <Link href={hrefWith(query, { late: '1' })} className="font-medium text-foreground underline print:hidden">
                    Show only these
                  </Link>
                </p>
              </div>
            )}
            {board.burnUp && (
              <Card>
                <CardHeader
                  title="Burn-up: planned vs traced services"
                  description={`Per day since ${formatDay(new Date(`${board.burnUp.overall.points[0]!.day}T00:00:00Z`))}: a service counts as planned from its planned date and as traced from its first span.`}
                />
                <CardBody className="space-y-6">
                  <BurnUpChart
                    title="All waves"
                    points={board.burnUp.overall.points}
                    total={board.burnUp.overall.total}
                    today={board.today}
                    dueDate={board.dueDate}
                  />
                  <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
                    {board.burnUp.waves.map((wave) => (
                      <div key={String(wave.wave)}>
                        <h3 className="mb-1 text-xs font-medium text-muted">
                          {wave.wave === 'unplanned' ? 'No wave' : waveName(wave.wave)} ·{' '}
                          {wave.points.findLast((point) => point.actual !== null)?.actual ?? 0}/{wave.total}
                        </h3>
                        <BurnUpChart
                          title={wave.wave === 'unplanned' ? 'No wave' : waveName(wave.wave)}
                          points={wave.points}
                          total={wave.total}
                          today={board.today}
                          dueDate={board.dueDate}
                          height={120}
                          compact
                        />
                      </div>
                    ))}
                  </div>
                </CardBody>
              </Card>
            )}
            <nav aria-label="Board filters" className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm print:hidden">
              <span className="text-muted">Group by</span>
              {GROUPS.map((group) => (
                <Link
                  key={group}
                  href={hrefWith(query, { group })}
                  aria-current={query.group === group ? 'true' : undefined}
                  className={query.group === group ? 'font-semibold text-foreground' : 'text-accent hover:underline'}
                >
                  {group}
                </Link>
              ))}
              <span className="ml-2 text-muted">Status</span>
              <Link
                href={hrefWith(query, { status: undefined })}
                aria-current={!query.status ? 'true' : undefined}
                className={!query.status ? 'font-semibold' : 'text-accent hover:underline'}
              >
                any
              </Link>
              {ROLLOUT_STATUSES.map((status) => (
                <Link
                  key={status}
                  href={hrefWith(query, { status })}
                  aria-current={query.status === status ? 'true' : undefined}
                  className={query.status === status ? 'font-semibold' : 'text-accent hover:underline'}
                >
                  {rolloutStatusLabel(status).toLowerCase()}
                </Link>
              ))}
              {teams.length > 1 && (
                <>
                  <span className="ml-2 text-muted">Team</span>
                  <Link
                    href={hrefWith(query, { team: undefined })}
                    aria-current={!query.team ? 'true' : undefined}
                    className={!query.team ? 'font-semibold' : 'text-accent hover:underline'}
                  >
                    any
                  </Link>
                  {teams.map((team) => (
                    <Link
                      key={team}
                      href={hrefWith(query, { team })}
                      aria-current={query.team === team ? 'true' : undefined}
                      className={query.team === team ? 'font-semibold' : 'text-accent hover:underline'}
                    >
                      {team}
                    </Link>
                  ))}
                </>
              )}
              {filtered && (
                <Link href={hrefWith({ group: query.group }, {})} className="ml-auto text-accent hover:underline">
                  Clear filters
                </Link>
              )}
            </nav>
            {shown.length === 0 && (
              <Card>
                <CardBody className="text-sm text-muted">No service matches these filters.</CardBody>
              </Card>
            )}
            {[...groups].map(([name, services]) => (
              <Card key={name}>
                <CardHeader
                  title={name}
                  description={`${services.filter((service) => service.goLiveAt).length} of ${services.length} traced · ${services.filter((service) => service.status === 'verified').length} verified`}
                />
                <Table aria-label={`Rollout: ${name}`}>
                  <thead>
                    <tr>
                      <Th>Service</Th>
                      <Th>Status</Th>
                      <Th>Owner</Th>
                      <Th>Planned</Th>
                      <Th>Go-live</Th>
                      <Th className="text-right">Coverage</Th>
                      <Th className="text-right">Reliability ({QUALITY_DAYS} d)</Th>
                      <Th className="text-right">Overhead</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {services.map((service) => (
                      <ServiceRow key={service.name} service={service} mayOverride={mayOverride} mayClear={mayClear} />
                    ))}
                  </tbody>
                </Table>
              </Card>
            ))}
          </>
        )}
      </PageBody>
    </>
  )
}

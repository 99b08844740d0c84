import { Download, Pencil } from 'lucide-react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { BudgetBurnDownChart } from '@/components/slo/budget-burn-down-chart'
import { SliChart } from '@/components/slo/sli-chart'
import { SloHealthBadge } from '@/components/slo/slo-health-badge'
import { buttonClasses } from '@/components/ui/button'
import { Card, CardHeader } from '@/components/ui/card'
import { StatTile } from '@/components/ui/stat-tile'
import { Table, Td, Th } from '@/components/ui/table'
import { can } from '@/lib/auth/permissions'
import { requirePermission } from '@/lib/auth/session'
import { NotFoundError } from '@/lib/errors'
import { formatUtcMinute } from '@/lib/format/date'
import { burnDown } from '@/lib/slo/error-budget'
import { describeSli, describeWindow, formatBudget, formatBurnRate, formatObjective, formatSli } from '@/lib/slo/format-slo'
import { sloParams } from '@/lib/slo/schemas'
import { hourlySli, monthlyCompliance } from '@/lib/slo/slo-history'
import { getSloDetail } from '@/lib/slo/slo-read-repository'
import { formatPrometheusDuration } from '@/lib/time/prometheus-duration'
import { BurnTierTable } from './_components/burn-tier-table'
import { ComplianceTable } from './_components/compliance-table'
import { CorrectionForm } from './_components/correction-form'
import { DeleteCorrectionButton } from './_components/delete-correction-button'
import { DeleteSloButton } from './_components/delete-slo-button'
import { HowComputed } from './_components/how-computed'

export const metadata: Metadata = { title: 'SLO' }

const utc = formatUtcMinute
const count = (value: number) => Math.round(value).toLocaleString('en')

export default async function SloPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('dashboard.read')
  const parsed = sloParams.safeParse(await params)
  if (!parsed.success) notFound()
  const detail = await getSloDetail(parsed.data.id).catch((error) => {
    if (error instanceof NotFoundError) notFound()
    throw error
  })
  const { slo, status, health, alerts, hours, corrections } = detail
  const canWrite = can(user.role, 'slos.write')
  const active = alerts.filter((alert) => alert.state !== 'inactive')
  const hourly = status?.burnRates.find((burn) => burn.seconds === 3600)?.rate ?? null
  const range = status
    ? { startUs: status.windowStartMs * 1000, endUs: Math.min(status.windowEndMs, status.atMs + 3_600_000) * 1000 }
    : null
  const chartCorrections = corrections.map((correction) => ({
    startMs: correction.startMs,
    endMs: correction.endMs,
    reason: correction.reason,
  }))
  const burnDownRows = status
    ? [
        ...burnDown(slo, hours, { startMs: status.windowStartMs, endMs: status.windowEndMs }, status.windowMinutes),
        {
          atMs: status.atMs,
          remaining: status.budget.remaining,
          ideal: 1 - (status.atMs - status.windowStartMs) / (status.windowEndMs - status.windowStartMs),
        },
      ].map((point) => ({ xUs: point.atMs * 1000, remaining: point.remaining, ideal: point.ideal }))
    : []
  const sliRows = status
    ? hourlySli(slo, hours, status.windowStartMs).map((point) => ({ ...point, xUs: (point.atMs + 1_800_000) * 1000 }))
    : []
  const months = status ? monthlyCompliance(slo, hours, { fromMs: status.accountedFromMs, atMs: status.atMs }) : []

  return (
    <>
      <PageHeader
        title={slo.displayName ?? slo.name}
        description={
          <>
            {formatObjective(slo.objective)} of{' '}
            {slo.service ? (
              <Link href={`/services/${encodeURIComponent(slo.service)}`} className="text-accent underline underline-offset-2">
                {slo.service}
              </Link>
            ) : (
              'the journey'
            )}
            &apos;s {describeSli(slo)}, {describeWindow(slo.window)},{' '}
            {slo.budgeting === 'timeslices' ? 'minute time slices' : 'counting events'}.
            {slo.description && <span className="block">{slo.description}</span>}
          </>
        }
        actions={
          <>
            <SloHealthBadge health={health} />
            <a
              href={`/api/v1/slos/export?name=${encodeURIComponent(slo.name)}`}
              download
              className={buttonClasses({ variant: 'secondary' })}
            >
              <Download className="size-4" aria-hidden /> OpenSLO
            </a>
            {canWrite && (
              <Link href={`/slos/${slo.id}/edit`} className={buttonClasses({ variant: 'secondary' })}>
                <Pencil className="size-4" aria-hidden /> Edit
              </Link>
            )}
          </>
        }
      />
      <PageBody>
        {!status ? (
          <p role="status" className="rounded-md border border-border bg-surface px-4 py-3 text-sm text-muted">
            Not accounted yet: the worker counts this SLO&apos;s window on its next pass (every minute), once {slo.service ?? 'its members'}{' '}
            has synced spans.
          </p>
        ) : (
          <>
            <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
              <StatTile
                label="SLI over the window"
                value={formatSli(status.budget.sli)}
                detail={`objective ${formatObjective(slo.objective)}`}
                tone={status.budget.sli !== null && status.budget.sli < slo.objective ? 'bad' : undefined}
              />
              <StatTile
                label="Error budget left"
                value={status.budget.sli === null ? '—' : formatBudget(status.budget.remaining)}
                detail={`${count(Math.max(0, status.budget.left))} of ${count(status.budget.allowed)} bad ${status.budget.unit} left`}
                tone={status.budget.remaining <= 0 ? 'bad' : status.budget.remaining < 0.5 ? 'warn' : undefined}
              />
              <StatTile
                label="Burn rate, last hour"
                value={formatBurnRate(hourly)}
                detail="1× spends the budget over the window"
                tone={hourly !== null && hourly >= 6 ? 'bad' : hourly !== null && hourly >= 1 ? 'warn' : undefined}
              />
              <StatTile
                label="Budget runs out"
                value={
                  status.runsOutAtMs === null
                    ? 'not at this rate'
                    : status.runsOutAtMs <= status.atMs
                      ? 'spent'
                      : utc(status.runsOutAtMs).slice(0, 10)
                }
                detail={
                  status.runsOutAtMs !== null && status.runsOutAtMs > status.atMs
                    ? `at the last hour's burn, ${utc(status.runsOutAtMs).slice(11)}`
                    : 'at the last hour\u2019s burn'
                }
                tone={status.runsOutAtMs !== null && status.runsOutAtMs < status.windowEndMs ? 'warn' : undefined}
              />
              <StatTile label="Events in the window" value={count(status.totals.total)} detail={`as of ${utc(status.atMs)}`} />
            </div>

            <Card id="alerts">
              <CardHeader
                title="Burn-rate alerts"
                description={`Multi-window, multi-burn-rate (SRE Workbook): a tier fires when its long and short windows both burn at its factor, with at least ${slo.alerting.minEvents} events in the short one. Sent through ${slo.alerting.channels.length ? slo.alerting.channels.join(', ') : 'no channel yet'}; silences apply.`}
                action={
                  <Link href="/alerts" className="text-sm whitespace-nowrap text-accent underline-offset-2 hover:underline">
                    All alerts
                  </Link>
                }
              />
              {active.length > 0 && (
                <ul className="space-y-1 border-b border-border px-5 py-3 text-sm" aria-label="Firing and pending">
                  {active.map((alert) => (
                    <li key={alert.fingerprint} className={alert.state === 'firing' ? 'font-medium text-bad' : 'text-warn'}>
                      <Link href={`/alerts?alert=${alert.fingerprint}#alert-${alert.fingerprint}`} className="underline underline-offset-2">
                        {alert.ruleName}
                      </Link>{' '}
                      {alert.state} since {utc(alert.firedAt ?? alert.activeAt)} — {formatBurnRate(alert.value)} burn
                    </li>
                  ))}
                </ul>
              )}
              <BurnTierTable status={status} alerts={alerts} />
              <p className="px-5 py-3 text-xs text-muted">
                Burn now:{' '}
                {status.burnRates.map((burn) => `${formatPrometheusDuration(burn.seconds)} ${formatBurnRate(burn.rate)}`).join(' · ')}
              </p>
            </Card>

            <div className="grid gap-6 xl:grid-cols-2">
              <Card>
                <CardHeader
                  title="Error budget burn-down"
                  description="Budget left from the window's start, against spending it evenly. Shaded: corrections."
                />
                <div className="px-3 pb-3">
                  {range && <BudgetBurnDownChart rows={burnDownRows} range={range} corrections={chartCorrections} />}
                </div>
              </Card>
              <Card>
                <CardHeader title="SLI per hour" description="Each hour's SLI against the objective; hours under the line spent budget." />
                <div className="px-3 pb-3">
                  {range && sliRows.some((row) => row.sli !== null) ? (
                    <SliChart rows={sliRows} range={range} objective={slo.objective} corrections={chartCorrections} />
                  ) : (
                    <p className="px-2 py-6 text-sm text-muted">
                      No closed hour of this window has events yet. An hour is accounted once the sync holds all of it; while a
                      service&apos;s history is still being read, the figures above count the hours since from its live spans.
                    </p>
                  )}
                </div>
              </Card>
            </div>

            <Card>
              <CardHeader title="How the budget is computed" />
              <HowComputed slo={slo} status={status} />
            </Card>
          </>
        )}

        {slo.sli.kind !== 'composite' && (
          <Card id="corrections">
            <CardHeader
              title="Corrections"
              description="Maintenance windows and known-bad periods, left out of the budget (their minutes count for nothing). Audited."
            />
            {corrections.length ? (
              <Table aria-label="Corrections">
                <thead>
                  <tr>
                    <Th>From (UTC)</Th>
                    <Th>To (UTC)</Th>
                    <Th>Reason</Th>
                    <Th>By</Th>
                    {canWrite && <Th className="sr-only">Remove</Th>}
                  </tr>
                </thead>
                <tbody>
                  {corrections.map((correction) => (
                    <tr key={correction.id} data-correction={correction.id}>
                      <Td className="whitespace-nowrap tabular-nums">{utc(correction.startMs)}</Td>
                      <Td className="whitespace-nowrap tabular-nums">{utc(correction.endMs)}</Td>
                      <Td>{correction.reason}</Td>
                      <Td className="text-xs text-muted">{correction.author ?? 'API'}</Td>
                      {canWrite && (
                        <Td className="text-right">
                          <DeleteCorrectionButton sloId={slo.id} correctionId={correction.id} reason={correction.reason} />
                        </Td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </Table>
            ) : (
              <p className="px-5 py-4 text-sm text-muted">None: every minute of the window counts.</p>
            )}
            {canWrite && <CorrectionForm sloId={slo.id} />}
          </Card>
        )}

        {(detail.members.length > 0 || detail.memberOf.length > 0) && (
          <Card>
            <CardHeader
              title={detail.members.length ? 'Members' : 'Part of'}
              description={detail.members.length ? 'Good events weighted across these SLOs.' : undefined}
            />
            <ul className="space-y-1 px-5 py-4 text-sm">
              {detail.members.map((member) => (
                <li key={member.slo.id}>
                  <Link href={`/slos/${member.slo.id}`} className="text-accent underline underline-offset-2">
                    {member.slo.displayName ?? member.slo.name}
                  </Link>{' '}
                  ×{member.weight} · SLI {formatSli(member.status?.budget.sli ?? null)} · budget{' '}
                  {member.status ? formatBudget(member.status.budget.remaining) : '—'}
                </li>
              ))}
              {detail.memberOf.map((composite) => (
                <li key={composite.id}>
                  <Link href={`/slos/${composite.id}`} className="text-accent underline underline-offset-2">
                    {composite.displayName ?? composite.name}
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        )}

        {months.length > 0 && (
          <Card>
            <CardHeader
              title="Monthly compliance"
              description={`Calendar months (${slo.window.kind === 'calendar' ? slo.window.timeZone : 'UTC'}) since accounting began.`}
            />
            <ComplianceTable months={months} />
          </Card>
        )}

        {canWrite && (
          <div className="flex justify-end">
            <DeleteSloButton sloId={slo.id} name={slo.name} ruleCount={slo.alerting.tiers.length} />
          </div>
        )}
      </PageBody>
    </>
  )
}

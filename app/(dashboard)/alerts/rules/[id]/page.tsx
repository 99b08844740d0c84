import { Pencil } from 'lucide-react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { z } from 'zod'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { Badge } from '@/components/ui/badge'
import { buttonClasses } from '@/components/ui/button'
import { Card, CardHeader } from '@/components/ui/card'
import { Table, Td, Th } from '@/components/ui/table'
import { listAlertEvents, listStoredAlertsByRule } from '@/lib/alerts/alerts-repository'
import { formatRuleValue } from '@/lib/alerts/format-rule-value'
import { describeCondition } from '@/lib/alerts/prometheus-api'
import { unitOf } from '@/lib/alerts/rule-units'
import { getAlertRule } from '@/lib/alerts/rules-repository'
import { findSloByName } from '@/lib/slo/slos-repository'
import { computeStateIntervals } from '@/lib/alerts/state-intervals'
import { can } from '@/lib/auth/permissions'
import { requirePermission } from '@/lib/auth/session'
import { NotFoundError } from '@/lib/errors'
import { formatDateTime } from '@/lib/format/date'
import { formatPrometheusDuration } from '@/lib/time/prometheus-duration'
import { AlertTable, SEVERITY_TONE } from '../../_components/alert-table'
import { BacktestPanel } from '../_components/backtest-panel'
import { DeleteRuleButton } from './_components/delete-rule-button'

export const metadata: Metadata = { title: 'Alert rule' }

const TRANSITION_TONE = { pending: 'warn', firing: 'bad', inactive: 'ok', deleted: 'neutral', new: 'neutral' } as const
const STATE_WORD: Record<string, string> = { new: 'new', pending: 'pending', firing: 'firing', inactive: 'resolved', deleted: 'forgotten' }
const HISTORY_ROWS = 100
/**
 * The newest transitions read for the backtest's recorded strips. An alert whose older transitions were not
 * read is taken to have been in its oldest read one's `from` state since before the range (state-intervals.ts).
 */
const RECORDED_TRANSITIONS = 5_000

export default async function AlertRulePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('dashboard.read')
  const id = z.uuid().safeParse((await params).id)
  if (!id.success) notFound()
  const rule = await getAlertRule(id.data).catch((error: unknown) => (error instanceof NotFoundError ? null : Promise.reject(error)))
  if (!rule) notFound()
  const [{ byRule }, transitions] = await Promise.all([
    listStoredAlertsByRule(),
    listAlertEvents({ ruleId: rule.id, limit: RECORDED_TRANSITIONS }),
  ])
  const alerts = (byRule.get(rule.id) ?? []).map((alert) => ({ ...alert, rule }))
  const events = transitions.slice(0, HISTORY_ROWS)
  const unit = unitOf(rule)
  const now = new Date()
  // All recorded history up to now: the panel clips it to the range its backtest shows, whichever is selected.
  const recorded = computeStateIntervals(transitions, { fromMs: 0, toMs: now.getTime() })
  // A burn-rate rule is its SLO's: it changes there, and its figures are on the SLO's page.
  const slo = rule.condition.kind === 'slo_burn_rate' ? await findSloByName(rule.condition.slo) : null
  return (
    <>
      <PageHeader
        title={rule.name}
        description={
          <>
            <code className="font-mono text-xs">{describeCondition(rule)}</code> for {formatPrometheusDuration(rule.for)}
            {rule.keepFiringFor > 0 && `, kept firing ${formatPrometheusDuration(rule.keepFiringFor)}`} ·{' '}
            <Badge tone={SEVERITY_TONE[rule.severity]}>{rule.severity}</Badge>
            {!rule.enabled && <Badge className="ml-2">Disabled</Badge>}
          </>
        }
        actions={
          rule.condition.kind === 'slo_burn_rate'
            ? slo && (
                <Link href={`/slos/${slo.id}`} className={buttonClasses({ variant: 'secondary' })}>
                  SLO {slo.displayName ?? slo.name}
                </Link>
              )
            : can(user.role, 'alerts.write') && (
                <>
                  <Link href={`/alerts/rules/${rule.id}/edit`} className={buttonClasses({ variant: 'secondary' })}>
                    <Pencil className="size-4" aria-hidden /> Edit
                  </Link>
                  <DeleteRuleButton ruleId={rule.id} name={rule.name} alertCount={alerts.length} />
                </>
              )
        }
      />
      <PageBody>
        {rule.condition.kind === 'slo_burn_rate' ? (
          <p role="note" className="rounded-md border border-border bg-surface px-4 py-3 text-sm">
            Generated from the SLO{' '}
            {slo ? (
              <Link href={`/slos/${slo.id}`} className="text-accent underline underline-offset-2">
                {slo.displayName ?? slo.name}
              </Link>
            ) : (
              rule.condition.slo
            )}
            : its burn rates, the tier&apos;s windows and the budget they spend are on the SLO&apos;s page, and the rule changes with the
            SLO.
          </p>
        ) : (
          <BacktestPanel rule={rule} problem={null} subject="rule" recorded={recorded} />
        )}
        <div className="space-y-6">
          <Card>
            <CardHeader title="Alerts now" description="Pending, firing, and resolved in the last 15 minutes." />
            {alerts.length ? (
              <AlertTable alerts={alerts} now={now} label={`Alerts of ${rule.name}`} />
            ) : (
              <p className="px-5 py-6 text-sm text-muted">Quiet: no series matches the condition now.</p>
            )}
          </Card>
          <Card>
            <CardHeader title="State history" description="Every transition, newest first (UTC)." />
            {events.length ? (
              <Table aria-label={`State history of ${rule.name}`}>
                <thead>
                  <tr>
                    <Th>At</Th>
                    <Th>Series</Th>
                    <Th>Change</Th>
                    <Th className="text-right">Value</Th>
                  </tr>
                </thead>
                <tbody>
                  {events.map((event, index) => (
                    <tr key={`${event.at}-${event.fingerprint}-${index}`}>
                      <Td className="whitespace-nowrap tabular-nums">{formatDateTime(new Date(event.at))}</Td>
                      <Td className="max-w-64 truncate">{[event.labels.service, event.labels.operation].filter(Boolean).join(' · ')}</Td>
                      <Td className="whitespace-nowrap">
                        <Badge tone={TRANSITION_TONE[event.from as keyof typeof TRANSITION_TONE] ?? 'neutral'}>
                          {STATE_WORD[event.from] ?? event.from}
                        </Badge>{' '}
                        →{' '}
                        <Badge tone={TRANSITION_TONE[event.to as keyof typeof TRANSITION_TONE] ?? 'neutral'}>
                          {STATE_WORD[event.to] ?? event.to}
                        </Badge>
                      </Td>
                      <Td className="text-right whitespace-nowrap tabular-nums">{formatRuleValue(unit, event.value)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            ) : (
              <p className="px-5 py-6 text-sm text-muted">No transitions yet.</p>
            )}
          </Card>
        </div>
      </PageBody>
    </>
  )
}

import { BellOff, BellRing, Plus, Send } from 'lucide-react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { ImportFileForm } from '@/components/forms/import-file-form'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { buttonClasses } from '@/components/ui/button'
import { Card, CardHeader } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { listStoredAlertsByRule } from '@/lib/alerts/alerts-repository'
import { listAlertRules } from '@/lib/alerts/rules-repository'
import { isSilenced } from '@/lib/alerts/silences'
import { listActiveSilences } from '@/lib/alerts/silences-repository'
import { can } from '@/lib/auth/permissions'
import { requirePermission } from '@/lib/auth/session'
import { AlertTable, type AlertListRow } from './_components/alert-table'
import { RuleTable } from './_components/rule-table'

export const metadata: Metadata = { title: 'Alerts' }

const ORDER = { firing: 0, pending: 1, inactive: 2 } as const
const SEVERITY = { critical: 0, warning: 1, info: 2 } as const

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('dashboard.read')
  const { alert: highlight } = await searchParams
  const now = new Date()
  const [{ rules, unreadable }, { byRule }, silences] = await Promise.all([
    listAlertRules(),
    listStoredAlertsByRule(),
    listActiveSilences(now),
  ])
  const ruleOf = new Map(rules.map((rule) => [rule.id, rule]))
  const alerts: AlertListRow[] = [...byRule]
    .flatMap(([ruleId, alerts]) =>
      ruleOf.has(ruleId)
        ? alerts.map((alert) => ({
            ...alert,
            rule: ruleOf.get(ruleId)!,
            silencedBy: alert.state === 'inactive' ? [] : isSilenced(alert.labels, silences, now.getTime()),
          }))
        : [],
    )
    .sort((a, b) => ORDER[a.state] - ORDER[b.state] || SEVERITY[a.rule.severity] - SEVERITY[b.rule.severity] || b.activeAt - a.activeAt)
  const active = alerts.filter((alert) => alert.state !== 'inactive')
  const resolved = alerts.filter((alert) => alert.state === 'inactive')
  const firing = active.filter((alert) => alert.state === 'firing').length
  const silenced = active.filter((alert) => alert.silencedBy?.length).length
  const canWrite = can(user.role, 'alerts.write')
  return (
    <>
      <PageHeader
        title="Alerts"
        description={
          active.length
            ? `${firing} firing, ${active.length - firing} pending${silenced ? ` (${silenced} silenced)` : ''}, over ${rules.length} rule${rules.length === 1 ? '' : 's'}.`
            : `Nothing firing. ${rules.length} rule${rules.length === 1 ? '' : 's'} watching.`
        }
        actions={
          <>
            <Link href="/alerts/channels" className={buttonClasses({ variant: 'secondary' })}>
              <Send className="size-4" aria-hidden /> Channels
            </Link>
            <Link href="/alerts/silences" className={buttonClasses({ variant: 'secondary' })}>
              <BellOff className="size-4" aria-hidden /> Silences
              {silences.length > 0 && <span className="text-xs text-muted">({silences.length} active)</span>}
            </Link>
            {canWrite && (
              <Link href="/alerts/rules/new" className={buttonClasses({ variant: 'primary' })}>
                <Plus className="size-4" aria-hidden /> New rule
              </Link>
            )}
          </>
        }
      />
      <PageBody>
        {unreadable.length > 0 && (
          <p role="alert" className="rounded-md border border-warn bg-warn-soft px-4 py-3 text-sm">
            {unreadable.length} rule{unreadable.length === 1 ? '' : 's'} cannot be read and {unreadable.length === 1 ? 'is' : 'are'} not
            evaluated: {unreadable.map((rule) => rule.name).join(', ')}. Save {unreadable.length === 1 ? 'it' : 'them'} again to repair.
          </p>
        )}
        {rules.length === 0 ? (
          <EmptyState
            icon={BellRing}
            title="No alert rules yet"
            action={
              canWrite && (
                <Link href="/alerts/rules/new" className={buttonClasses({ variant: 'primary' })}>
                  Write the first rule
                </Link>
              )
            }
          >
            Rules watch latency (against a threshold or each operation&apos;s baseline), error rate, trace reliability and silence. Each one
            can be replayed over the last 30 days before it is saved.
          </EmptyState>
        ) : (
          <>
            <Card>
              <CardHeader title="Firing and pending" description="One alert per matched series; hover a time for its UTC instant." />
              {active.length ? (
                <AlertTable
                  alerts={active}
                  now={now}
                  highlight={typeof highlight === 'string' ? highlight : undefined}
                  label="Firing and pending alerts"
                  canSilence={canWrite}
                />
              ) : (
                <p className="px-5 py-6 text-sm text-muted">Nothing is firing or pending.</p>
              )}
            </Card>
            {resolved.length > 0 && (
              <Card>
                <CardHeader
                  title="Resolved lately"
                  description="Kept for 15 minutes after they resolve, as Prometheus keeps them, and re-sent as resolved."
                />
                <AlertTable
                  alerts={resolved}
                  now={now}
                  highlight={typeof highlight === 'string' ? highlight : undefined}
                  label="Recently resolved alerts"
                />
              </Card>
            )}
            <Card>
              <CardHeader
                title="Rules"
                description="Evaluated every minute at each service's watermark."
                action={
                  <a href="/api/v1/rules/export" download className="text-sm text-accent underline">
                    Export as YAML
                  </a>
                }
              />
              <RuleTable rules={rules} alertsOf={(ruleId) => byRule.get(ruleId) ?? []} />
            </Card>
          </>
        )}
        {canWrite && (
          <Card>
            <CardHeader
              title="Import rules from YAML"
              description="The Prometheus rule-file layout, with the condition under spanlens: (see the README). Rules are matched by name: a file's rule replaces the stored one, the rest stay. All or nothing; CI jobs post the same file to POST /api/v1/rules/import with a token."
            />
            <ImportFileForm
              endpoint="/api/v1/rules/import"
              id="rules-file"
              label="Rules file (YAML)"
              placeholder={
                'groups:\n  - name: checkout\n    rules:\n      - alert: CheckoutSlow\n        spanlens: { kind: latency_baseline, factor: 2, service: checkout }\n        for: 10m'
              }
            />
          </Card>
        )}
      </PageBody>
    </>
  )
}

import { BellOff } from 'lucide-react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { listStoredAlertsByRule } from '@/lib/alerts/alerts-repository'
import { silencePrefillQuery } from '@/lib/alerts/silence-form'
import { isSilenced } from '@/lib/alerts/silences'
import { EXPIRED_LISTED_FOR_MS, listSilences } from '@/lib/alerts/silences-repository'
import { can, rolesWith } from '@/lib/auth/permissions'
import { requirePermission } from '@/lib/auth/session'
import { NewSilenceForm, type PreviewAlert } from './_components/new-silence-form'
import { CurrentSilenceTable, ExpiredSilenceTable } from './_components/silence-table'

export const metadata: Metadata = { title: 'Silences' }

const EXPIRED_LISTED_FOR_DAYS = EXPIRED_LISTED_FOR_MS / 86_400_000

export default async function SilencesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('dashboard.read')
  const prefill = silencePrefillQuery.parse(await searchParams)
  const now = new Date().getTime()
  const [{ silences, unreadable }, { byRule }] = await Promise.all([listSilences({ now }), listStoredAlertsByRule()])
  const canWrite = can(user.role, 'alerts.write')
  const current = silences.filter((silence) => silence.endsAt > now)
  const expired = silences.filter((silence) => silence.endsAt <= now)
  const alerts: PreviewAlert[] = [...byRule.values()]
    .flat()
    .filter((alert) => alert.state !== 'inactive')
    .map(({ fingerprint, labels }) => ({ fingerprint, labels }))
  const silencedCount = new Map<string, number>()
  for (const alert of alerts)
    for (const id of isSilenced(alert.labels, current, now)) silencedCount.set(id, (silencedCount.get(id) ?? 0) + 1)
  const active = current.filter((silence) => silence.startsAt <= now).length

  return (
    <>
      <PageHeader
        title="Silences"
        description={
          current.length
            ? `${active} active, ${current.length - active} pending. A silenced alert still shows on /alerts, marked silenced, and notifies no one while it fires.`
            : 'Matchers and a time span during which matching alerts notify no one: for a deploy, a maintenance window, a known incident.'
        }
        actions={
          <Link href="/alerts" className="text-sm text-accent underline-offset-2 hover:underline">
            Alerts
          </Link>
        }
      />
      <PageBody>
        {unreadable.length > 0 && (
          <p role="alert" className="rounded-md border border-warn bg-warn-soft px-4 py-3 text-sm">
            {unreadable.length} silence{unreadable.length === 1 ? '' : 's'} cannot be read and{' '}
            {unreadable.length === 1 ? 'silences' : 'silence'} nothing: {unreadable.map((silence) => silence.id).join(', ')}.
          </p>
        )}
        <Card>
          <CardHeader title="Active and pending" description="Times in UTC; hover one for its instant." />
          {current.length ? (
            <CurrentSilenceTable silences={current} silencedCount={silencedCount} now={now} canWrite={canWrite} />
          ) : (
            <CardBody>
              <EmptyState icon={BellOff} title="Nothing is silenced">
                Every alert notifies its channels.{' '}
                {canWrite
                  ? 'Create a silence below, or use "Silence" on an alert of /alerts to start from its labels.'
                  : `Silences are set by ${rolesWith('alerts.write').join(' and ')}s.`}
              </EmptyState>
            </CardBody>
          )}
        </Card>
        {canWrite ? (
          <Card id="new-silence" className="scroll-mt-20">
            <CardHeader
              title="New silence"
              description="Alerts matching every matcher stay listed, marked silenced, and send nothing while it lasts. Resolutions of alerts that were notified before are still sent."
            />
            <CardBody>
              <NewSilenceForm prefill={prefill} author={user.email} alerts={alerts} />
            </CardBody>
          </Card>
        ) : (
          <p id="new-silence" className="text-sm text-muted">
            Only {rolesWith('alerts.write').join(' and ')}s create and expire silences; ask one
            {prefill.matchers ? (
              <>
                {' '}
                to silence <code className="font-mono text-xs">{prefill.matchers}</code>
              </>
            ) : null}
            .
          </p>
        )}
        {expired.length > 0 && (
          <Card>
            <CardHeader
              title="Recently expired"
              description={`Ended in the last ${EXPIRED_LISTED_FOR_DAYS} days, by their end time or expired by hand.`}
            />
            <ExpiredSilenceTable silences={expired} now={now} canWrite={canWrite} />
          </Card>
        )}
      </PageBody>
    </>
  )
}

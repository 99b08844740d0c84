import { Plus, Send } from 'lucide-react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { Badge } from '@/components/ui/badge'
import { buttonClasses } from '@/components/ui/button'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { Table, Td, Th } from '@/components/ui/table'
import { listAlertRules } from '@/lib/alerts/rules-repository'
import { can } from '@/lib/auth/permissions'
import { requirePermission } from '@/lib/auth/session'
import { formatRelativeTime } from '@/lib/format/relative-time'
import { listChannels } from '@/lib/notifications/channels-repository'
import { channelDeliveryStats } from '@/lib/notifications/notifications-repository'
import { CHANNEL_TYPE_LABELS } from '@/lib/notifications/schemas'
import { formatPrometheusDuration } from '@/lib/time/prometheus-duration'
import { ChannelForm } from './_components/channel-form'

export const metadata: Metadata = { title: 'Notification channels' }

export default async function ChannelsPage() {
  const user = await requirePermission('dashboard.read')
  const now = new Date()
  const [channels, stats, { rules }] = await Promise.all([listChannels(), channelDeliveryStats(now), listAlertRules()])
  const canWrite = can(user.role, 'alerts.write')
  return (
    <>
      <PageHeader
        title="Notification channels"
        description="Where rules send their alerts: Alertmanager receivers, Slack, PagerDuty, signed webhooks. Alerts are grouped per channel, as Alertmanager groups them."
        actions={
          canWrite && (
            <Link href="#new-channel" className={buttonClasses({ variant: 'primary' })}>
              <Plus className="size-4" aria-hidden /> New channel
            </Link>
          )
        }
      />
      <PageBody>
        {channels.length === 0 ? (
          <EmptyState
            icon={Send}
            title="No channels yet"
            action={
              canWrite && (
                <Link href="#new-channel" className={buttonClasses({ variant: 'primary' })}>
                  Add the first channel
                </Link>
              )
            }
          >
            Rules fire without telling anyone until a channel exists. Add an Alertmanager webhook, a Slack incoming webhook, a PagerDuty
            integration key or a signed JSON webhook, then name it under a rule’s channels.
          </EmptyState>
        ) : (
          <Card>
            <Table aria-label="Notification channels">
              <thead>
                <tr>
                  <Th>Channel</Th>
                  <Th>Type</Th>
                  <Th>Sends to</Th>
                  <Th>Grouping</Th>
                  <Th>Rules</Th>
                  <Th>Last delivery</Th>
                </tr>
              </thead>
              <tbody>
                {channels.map((channel) => {
                  const stat = stats.get(channel.id)
                  const usedBy = rules.filter((rule) => rule.channels.includes(channel.name))
                  return (
                    <tr key={channel.id}>
                      <Td>
                        <Link href={`/alerts/channels/${channel.id}`} className="font-medium text-accent hover:underline">
                          {channel.name}
                        </Link>
                        {!channel.enabled && <Badge className="ml-2">Disabled</Badge>}
                      </Td>
                      <Td>{CHANNEL_TYPE_LABELS[channel.type]}</Td>
                      <Td className="max-w-72 truncate font-mono text-xs" title={channel.url ?? undefined}>
                        {channel.url ?? channel.secret.hint ?? '—'}
                      </Td>
                      <Td className="text-xs">
                        by {channel.settings.groupBy.join(', ') || '(nothing)'} · wait{' '}
                        {formatPrometheusDuration(channel.settings.groupWait)} · repeat{' '}
                        {formatPrometheusDuration(channel.settings.repeatInterval)}
                      </Td>
                      <Td className="tabular-nums">{usedBy.length}</Td>
                      <Td>
                        {stat?.lastDelivery ? (
                          <span className="flex flex-wrap items-center gap-2">
                            <Badge tone={stat.lastDelivery.ok ? 'ok' : 'bad'}>{stat.lastDelivery.ok ? 'delivered' : 'failed'}</Badge>
                            <span className="text-xs text-muted">{formatRelativeTime(new Date(stat.lastDelivery.at), now)}</span>
                            {stat.pending > 0 && <Badge tone="warn">{stat.pending} waiting</Badge>}
                            {stat.failed > 0 && <Badge tone="bad">{stat.failed} given up (7 d)</Badge>}
                          </span>
                        ) : (
                          <span className="text-xs text-muted">nothing sent yet</span>
                        )}
                      </Td>
                    </tr>
                  )
                })}
              </tbody>
            </Table>
          </Card>
        )}
        {canWrite && (
          <Card id="new-channel">
            <CardHeader
              title="New channel"
              description="Name it, say where it sends, and how alerts are grouped. Then list it under a rule’s channels, and use “Send test” on its page to check the other end."
            />
            <CardBody>
              <ChannelForm channel={null} />
            </CardBody>
          </Card>
        )}
      </PageBody>
    </>
  )
}

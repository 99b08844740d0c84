import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { z } from 'zod'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { Badge } from '@/components/ui/badge'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { Table, Td, Th } from '@/components/ui/table'
import { listAlertRules } from '@/lib/alerts/rules-repository'
import { can } from '@/lib/auth/permissions'
import { requirePermission } from '@/lib/auth/session'
import { NotFoundError } from '@/lib/errors'
import { formatDateTime } from '@/lib/format/date'
import { formatRelativeTime } from '@/lib/format/relative-time'
import { getChannel } from '@/lib/notifications/channels-repository'
import { listDeliveries } from '@/lib/notifications/notifications-repository'
import { CHANNEL_TYPE_LABELS } from '@/lib/notifications/schemas'
import { ChannelForm } from '../_components/channel-form'
import { DeleteChannelButton } from './_components/delete-channel-button'
import { SendTestButton } from './_components/send-test-button'

export const metadata: Metadata = { title: 'Notification channel' }

const REASON: Record<string, string> = {
  first_notification: 'first',
  new_alerts_in_group: 'new alerts',
  new_resolved_alerts: 'resolved',
  all_alerts_resolved: 'all resolved',
  repeat_interval_elapsed: 'repeat',
}

export default async function ChannelPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('dashboard.read')
  const id = z.uuid().safeParse((await params).id)
  if (!id.success) notFound()
  const channel = await getChannel(id.data).catch((error: unknown) => (error instanceof NotFoundError ? null : Promise.reject(error)))
  if (!channel) notFound()
  const [deliveries, { rules }] = await Promise.all([listDeliveries(channel.id, { limit: 100 }), listAlertRules()])
  const usedBy = rules.filter((rule) => rule.channels.includes(channel.name))
  const canWrite = can(user.role, 'alerts.write')
  const now = new Date()
  return (
    <>
      <PageHeader
        title={channel.name}
        description={
          <>
            {CHANNEL_TYPE_LABELS[channel.type]}
            {channel.url && (
              <>
                {' '}
                → <code className="font-mono text-xs">{channel.url}</code>
              </>
            )}
            {!channel.enabled && <Badge className="ml-2">Disabled</Badge>}
          </>
        }
        actions={
          canWrite && (
            <>
              <SendTestButton channelId={channel.id} />
              <DeleteChannelButton channelId={channel.id} name={channel.name} usedBy={usedBy.map((rule) => rule.name)} />
            </>
          )
        }
      />
      <PageBody>
        <Card>
          <CardHeader
            title="Rules sending here"
            description={usedBy.length ? undefined : `No rule names ${channel.name} yet: add it under a rule’s channels.`}
          />
          {usedBy.length > 0 && (
            <CardBody className="flex flex-wrap gap-2">
              {usedBy.map((rule) => (
                <Link key={rule.id} href={`/alerts/rules/${rule.id}`} className="text-sm text-accent hover:underline">
                  {rule.name}
                </Link>
              ))}
            </CardBody>
          )}
        </Card>
        <Card>
          <CardHeader
            title="Delivery log"
            description="Every attempt, newest first: the receiver’s answer, how long it took, and why it failed."
          />
          {deliveries.length ? (
            <Table aria-label={`Deliveries to ${channel.name}`}>
              <thead>
                <tr>
                  <Th>At</Th>
                  <Th>What</Th>
                  <Th>Attempt</Th>
                  <Th>Result</Th>
                  <Th className="text-right">Latency</Th>
                  <Th>Error</Th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((delivery) => (
                  <tr key={delivery.id}>
                    <Td className="text-xs whitespace-nowrap" title={formatDateTime(new Date(delivery.at))}>
                      {formatRelativeTime(new Date(delivery.at), now)}
                    </Td>
                    <Td className="text-xs">
                      {delivery.test ? 'test' : (REASON[delivery.reason ?? ''] ?? delivery.reason ?? '—')}
                      {delivery.groupKey && (
                        <span className="ml-2 font-mono text-muted">{delivery.groupKey.replace(/^\{\}\/\{[^}]*\}:/, '')}</span>
                      )}
                    </Td>
                    <Td className="tabular-nums">{delivery.attempt}</Td>
                    <Td>
                      <Badge tone={delivery.ok ? 'ok' : 'bad'}>{delivery.ok ? 'delivered' : 'failed'}</Badge>
                      {delivery.httpStatus !== null && <span className="ml-2 font-mono text-xs">{delivery.httpStatus}</span>}
                    </Td>
                    <Td className="text-right tabular-nums">{delivery.latencyMs} ms</Td>
                    <Td className="max-w-96 text-xs break-words text-bad">{delivery.error ?? ''}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : (
            <p className="px-5 py-6 text-sm text-muted">Nothing sent yet{canWrite ? ': “Send test” checks the other end now.' : '.'}</p>
          )}
        </Card>
        {canWrite && (
          <Card>
            <CardHeader title="Settings" />
            <CardBody>
              <ChannelForm channel={channel} />
            </CardBody>
          </Card>
        )}
      </PageBody>
    </>
  )
}

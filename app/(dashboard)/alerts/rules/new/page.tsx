import type { Metadata } from 'next'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { listChannels } from '@/lib/notifications/channels-repository'
import { requirePermission } from '@/lib/auth/session'
import { listServiceNames } from '@/lib/inventory/repository'
import { RuleEditor } from '../_components/rule-editor'

export const metadata: Metadata = { title: 'New alert rule' }

export default async function NewAlertRulePage() {
  await requirePermission('alerts.write')
  const [services, channels] = await Promise.all([listServiceNames(), listChannels()])
  return (
    <>
      <PageHeader
        title="New alert rule"
        description="Write the condition, watch the backtest answer what it would have done over the last day, week or month, then save."
      />
      <PageBody>
        <RuleEditor services={services} channels={channels.map((channel) => channel.name)} />
      </PageBody>
    </>
  )
}

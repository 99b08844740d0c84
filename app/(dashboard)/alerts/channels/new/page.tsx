import type { Metadata } from 'next'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { Card, CardBody } from '@/components/ui/card'
import { requirePermission } from '@/lib/auth/session'
import { ChannelForm } from '../_components/channel-form'

export const metadata: Metadata = { title: 'New notification channel' }

export default async function NewChannelPage() {
  await requirePermission('alerts.write')
  return (
    <>
      <PageHeader
        title="New notification channel"
        description="Name it, say where it sends, and how alerts are grouped. Then list it under a rule’s channels and use “Send test” to check the other end."
      />
      <PageBody>
        <Card>
          <CardBody>
            <ChannelForm channel={null} />
          </CardBody>
        </Card>
      </PageBody>
    </>
  )
}

import type { Metadata } from 'next'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { Card, CardBody } from '@/components/ui/card'
import { requirePermission } from '@/lib/auth/session'
import { listServiceNames } from '@/lib/inventory/repository'
import { listChannels } from '@/lib/notifications/channels-repository'
import { sloToForm } from '@/lib/slo/slo-form'
import { listSlos } from '@/lib/slo/slos-repository'
import { SloEditor } from '../_components/slo-editor'

export const metadata: Metadata = { title: 'New SLO' }

export default async function NewSloPage() {
  await requirePermission('slos.write')
  const [services, channels, { slos }] = await Promise.all([listServiceNames(), listChannels(), listSlos()])
  return (
    <>
      <PageHeader
        title="New SLO"
        description="What good service is, over which window. The error budget and burn-rate alerts follow from it; the worker accounts the last 35 days at once."
      />
      <PageBody>
        <Card>
          <CardBody>
            <SloEditor
              initial={sloToForm(null)}
              services={services}
              channels={channels.map((channel) => channel.name)}
              slos={slos.filter((slo) => slo.sli.kind !== 'composite').map((slo) => slo.name)}
            />
          </CardBody>
        </Card>
      </PageBody>
    </>
  )
}

import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { Card, CardBody } from '@/components/ui/card'
import { requirePermission } from '@/lib/auth/session'
import { NotFoundError } from '@/lib/errors'
import { listServiceNames } from '@/lib/inventory/repository'
import { listChannels } from '@/lib/notifications/channels-repository'
import { sloParams } from '@/lib/slo/schemas'
import { sloToForm } from '@/lib/slo/slo-form'
import { getSlo, listSlos } from '@/lib/slo/slos-repository'
import { SloEditor } from '../../_components/slo-editor'

export const metadata: Metadata = { title: 'Edit SLO' }

export default async function EditSloPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('slos.write')
  const parsed = sloParams.safeParse(await params)
  if (!parsed.success) notFound()
  const slo = await getSlo(parsed.data.id).catch((error) => {
    if (error instanceof NotFoundError) notFound()
    throw error
  })
  const [services, channels, { slos }] = await Promise.all([listServiceNames(), listChannels(), listSlos()])
  return (
    <>
      <PageHeader
        title={`Edit ${slo.displayName ?? slo.name}`}
        description="Saving re-accounts the window under the new definition and regenerates its burn-rate rules."
      />
      <PageBody>
        <Card>
          <CardBody>
            <SloEditor
              initial={sloToForm(slo)}
              id={slo.id}
              version={slo.version}
              services={services}
              channels={channels.map((channel) => channel.name)}
              slos={slos.filter((other) => other.sli.kind !== 'composite' && other.id !== slo.id).map((other) => other.name)}
            />
          </CardBody>
        </Card>
      </PageBody>
    </>
  )
}

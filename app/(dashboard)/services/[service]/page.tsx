import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { can } from '@/lib/auth/permissions'
import { requirePermission } from '@/lib/auth/session'
import { listDeployments } from '@/lib/canary/deployment-read-repository'
import { addDeploymentMarkers } from '@/lib/canary/latency-views-repository'
import { NotFoundError } from '@/lib/errors'
import { latencyKeys } from '@/lib/latency/query-options'
import { getServiceView } from '@/lib/latency/repository'
import { serviceNameParam } from '@/lib/latency/schemas'
import { decodePathSegment } from '@/lib/http/path-segment'
import { timeRangeParams } from '@/lib/time-range/time-range'
import { ServiceSlosCard } from '@/components/slo/service-slos-card'
import { listServiceSlos } from '@/lib/slo/slo-read-repository'
import { DeploymentBanner } from './_components/deployment-banner'
import { DeploymentsCard } from './_components/deployments-card'
import { ServicePanel } from './_components/service-panel'

type Props = { params: Promise<{ service: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodePathSegment((await params).service) ?? 'Not found' }
}

export default async function ServicePage({ params, searchParams }: Props) {
  const user = await requirePermission('dashboard.read')
  const service = serviceNameParam.safeParse(decodePathSegment((await params).service))
  if (!service.success) notFound()
  const parsed = timeRangeParams.safeParse(await searchParams)
  const range = parsed.success ? parsed.data : {}
  const queryClient = new QueryClient()
  let slos: Awaited<ReturnType<typeof listServiceSlos>>
  let deployments: Awaited<ReturnType<typeof listDeployments>>
  let inProgress: Awaited<ReturnType<typeof listDeployments>>
  try {
    ;[, slos, deployments, inProgress] = await Promise.all([
      queryClient.fetchQuery({
        queryKey: latencyKeys.service(service.data, range),
        queryFn: () => addDeploymentMarkers(getServiceView(service.data, range)),
      }),
      listServiceSlos(service.data),
      listDeployments({ service: service.data, limit: 5 }),
      listDeployments({ service: service.data, status: 'in_progress', limit: 1 }),
    ])
  } catch (error) {
    if (error instanceof NotFoundError) notFound()
    throw error
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ServicePanel
        service={service.data}
        canConfigure={can(user.role, 'inventory.write')}
        slos={<ServiceSlosCard service={service.data} slos={slos} canWrite={can(user.role, 'slos.write')} />}
        deployments={<DeploymentsCard service={service.data} deployments={deployments} />}
        banner={inProgress[0] && <DeploymentBanner deployment={inProgress[0]} />}
      />
    </HydrationBoundary>
  )
}

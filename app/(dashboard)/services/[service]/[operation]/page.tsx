import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { requirePermission } from '@/lib/auth/session'
import { addDeploymentMarkers } from '@/lib/canary/latency-views-repository'
import { NotFoundError } from '@/lib/errors'
import { decodePathSegment } from '@/lib/http/path-segment'
import { latencyKeys } from '@/lib/latency/query-options'
import { getOperationView } from '@/lib/latency/repository'
import { operationNameParam, operationQueryParams, serviceNameParam } from '@/lib/latency/schemas'
import { OperationPanel } from './_components/operation-panel'

type Props = {
  params: Promise<{ service: string; operation: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { service, operation } = await params
  return { title: `${decodePathSegment(operation) ?? 'Not found'} · ${decodePathSegment(service) ?? 'Not found'}` }
}

export default async function OperationPage({ params, searchParams }: Props) {
  await requirePermission('dashboard.read')
  const raw = await params
  const service = serviceNameParam.safeParse(decodePathSegment(raw.service))
  const operation = operationNameParam.safeParse(decodePathSegment(raw.operation))
  if (!service.success || !operation.success) notFound()
  const parsed = operationQueryParams.safeParse(await searchParams)
  const query = parsed.success ? parsed.data : {}
  const { kind, ...range } = query
  const queryClient = new QueryClient()
  try {
    await queryClient.fetchQuery({
      queryKey: latencyKeys.operation(service.data, operation.data, kind, range),
      queryFn: () => addDeploymentMarkers(getOperationView(service.data, operation.data, kind, range)),
    })
  } catch (error) {
    if (error instanceof NotFoundError) notFound()
    throw error
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <OperationPanel service={service.data} operation={operation.data} />
    </HydrationBoundary>
  )
}

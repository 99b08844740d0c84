import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query'
import type { Metadata } from 'next'
import { PageHeader } from '@/components/shell/page-header'
import { requirePermission } from '@/lib/auth/session'
import { addDeploymentsInProgress } from '@/lib/canary/latency-views-repository'
import { latencyKeys } from '@/lib/latency/query-options'
import { listServicesView } from '@/lib/latency/repository'
import { timeRangeParams } from '@/lib/time-range/time-range'
import { ServicesPanel } from './_components/services-panel'

export const metadata: Metadata = { title: 'Services' }

export default async function ServicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('dashboard.read')
  // A malformed range in a link falls back to the default range rather than failing the page.
  const parsed = timeRangeParams.safeParse(await searchParams)
  const params = parsed.success ? parsed.data : {}
  const queryClient = new QueryClient()
  await queryClient.prefetchQuery({
    queryKey: latencyKeys.services(params),
    queryFn: () => addDeploymentsInProgress(listServicesView(params)),
  })
  return (
    <>
      <PageHeader
        title="Services"
        description="Request rate, errors and p95 latency against each service's baseline; slow and erroring services first"
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ServicesPanel />
      </HydrationBoundary>
    </>
  )
}

import { Skeleton } from '@/components/ui/skeleton'

export default function DashboardLoading() {
  return (
    <div aria-busy="true" aria-label="Loading" className="space-y-6 px-6 py-6 md:px-8">
      <Skeleton className="h-8 w-56" />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-40" />
        ))}
      </div>
      <Skeleton className="h-48" />
    </div>
  )
}

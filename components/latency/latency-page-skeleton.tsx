import { Card, CardBody } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'

/**
 * A latency page's outline while its server render runs (route loading state): header, range
 * picker, summary tiles, the RED charts and a table, in the places the page will fill.
 */
export function LatencyPageSkeleton({ label, charts = true, tableRows = 8 }: { label: string; charts?: boolean; tableRows?: number }) {
  return (
    <div role="status" aria-busy="true" aria-label={label}>
      <div className="border-b border-border px-6 py-5 md:px-8">
        <Skeleton className="h-6 w-64" />
        <Skeleton className="mt-2 h-4 w-96 max-w-full" />
      </div>
      <div className="space-y-6 px-6 py-6 md:px-8">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <Skeleton className="h-8 w-96 max-w-full" />
          <Skeleton className="h-4 w-40" />
        </div>
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          {Array.from({ length: 4 }, (_, index) => (
            <Card key={index}>
              <CardBody className="space-y-2">
                <Skeleton className="h-3 w-24" />
                <Skeleton className="h-7 w-20" />
              </CardBody>
            </Card>
          ))}
        </div>
        {charts && (
          <div className="grid gap-4 lg:grid-cols-2">
            <Card className="lg:col-span-2">
              <CardBody>
                <Skeleton className="h-[260px] w-full" />
              </CardBody>
            </Card>
            {Array.from({ length: 2 }, (_, index) => (
              <Card key={index}>
                <CardBody>
                  <Skeleton className="h-40 w-full" />
                </CardBody>
              </Card>
            ))}
          </div>
        )}
        <Card>
          <div className="divide-y divide-border">
            {Array.from({ length: tableRows }, (_, index) => (
              <div key={index} className="flex items-center gap-4 px-5 py-3">
                <Skeleton className="h-4 w-1/3" />
                <Skeleton className="h-4 w-16" />
                <Skeleton className="h-4 w-24" />
                <Skeleton className="ml-auto h-4 w-20" />
              </div>
            ))}
          </div>
        </Card>
      </div>
      <span className="sr-only">{label}</span>
    </div>
  )
}

import { Card, CardBody } from '@/components/ui/card'
import { PageSkeleton, Skeleton, TileSkeletons } from '@/components/ui/skeleton'

/**
 * A latency page's outline while its server render runs (route loading state): header, range
 * picker, summary tiles, the RED charts and a table, in the places the page will fill.
 */
export function LatencyPageSkeleton({ label, charts = true, tableRows = 8 }: { label: string; charts?: boolean; tableRows?: number }) {
  return (
    <PageSkeleton label={label}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Skeleton className="h-8 w-96 max-w-full" />
        <Skeleton className="h-4 w-40" />
      </div>
      <TileSkeletons count={4} className="grid-cols-2 lg:grid-cols-4" />
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
      <span className="sr-only">{label}</span>
    </PageSkeleton>
  )
}

import { Card, CardBody } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'

export default function Loading() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading deployments">
      <div className="border-b border-border px-6 py-5 md:px-8">
        <Skeleton className="h-6 w-40" />
        <Skeleton className="mt-2 h-4 w-96 max-w-full" />
      </div>
      <div className="space-y-6 px-6 py-6 md:px-8">
        <Card>
          <CardBody className="space-y-2">
            <Skeleton className="h-8 w-[32rem] max-w-full" />
            {Array.from({ length: 8 }, (_, index) => (
              <Skeleton key={index} className="h-8 w-full" />
            ))}
          </CardBody>
        </Card>
      </div>
    </div>
  )
}

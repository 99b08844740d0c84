import { Card, CardBody } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'

export default function Loading() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading the deployment">
      <div className="border-b border-border px-6 py-5 md:px-8">
        <Skeleton className="h-6 w-64" />
        <Skeleton className="mt-2 h-4 w-96 max-w-full" />
      </div>
      <div className="space-y-6 px-6 py-6 md:px-8">
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
          {Array.from({ length: 5 }, (_, index) => (
            <Card key={index}>
              <CardBody className="space-y-2">
                <Skeleton className="h-3 w-24" />
                <Skeleton className="h-7 w-20" />
              </CardBody>
            </Card>
          ))}
        </div>
        <Card>
          <CardBody className="space-y-2">
            {Array.from({ length: 3 }, (_, index) => (
              <Skeleton key={index} className="h-4 w-[36rem] max-w-full" />
            ))}
          </CardBody>
        </Card>
        <div className="grid gap-6 xl:grid-cols-2">
          <Skeleton className="h-[240px] w-full" />
          <Skeleton className="h-[240px] w-full" />
        </div>
      </div>
    </div>
  )
}

import { Card, CardBody } from '@/components/ui/card'
import { PageSkeleton, Skeleton, TileSkeletons } from '@/components/ui/skeleton'

export default function Loading() {
  return (
    <PageSkeleton label="Loading the deployment">
      <TileSkeletons count={5} className="grid-cols-2 lg:grid-cols-5" />
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
    </PageSkeleton>
  )
}

import { Card, CardBody } from '@/components/ui/card'
import { PageSkeleton, Skeleton, TableSkeleton } from '@/components/ui/skeleton'

export default function Loading() {
  return (
    <PageSkeleton label="Loading incidents" titleClassName="w-40">
      <Card>
        <CardBody className="space-y-3">
          <Skeleton className="h-4 w-80 max-w-full" />
          <Skeleton className="h-4 w-[36rem] max-w-full" />
          <Skeleton className="h-[240px] w-full" />
        </CardBody>
      </Card>
      <TableSkeleton rows={8} />
    </PageSkeleton>
  )
}

import { PageSkeleton, TableSkeleton } from '@/components/ui/skeleton'

export default function Loading() {
  return (
    <PageSkeleton label="Loading deployments" titleClassName="w-40">
      <TableSkeleton rows={8} header />
    </PageSkeleton>
  )
}

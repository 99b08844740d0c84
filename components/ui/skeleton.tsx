import type { ReactNode } from 'react'
import { Card, CardBody } from '@/components/ui/card'
import { cn } from '@/lib/cn'

/** A grey placeholder block that pulses while the real content loads. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cn('animate-pulse rounded-md bg-surface-muted', className)} />
}

/**
 * A page's outline while its server render runs (a route's loading state): the header's title and
 * subtitle, then the page's own placeholders (`children`) where the page will fill them.
 */
export function PageSkeleton({
  label,
  titleClassName = 'w-64',
  subtitleClassName = 'w-96 max-w-full',
  children,
}: {
  label: string
  titleClassName?: string
  subtitleClassName?: string
  children: ReactNode
}) {
  return (
    <div role="status" aria-busy="true" aria-label={label}>
      <div className="border-b border-border px-6 py-5 md:px-8">
        <Skeleton className={cn('h-6', titleClassName)} />
        <Skeleton className={cn('mt-2 h-4', subtitleClassName)} />
      </div>
      <div className="space-y-6 px-6 py-6 md:px-8">{children}</div>
    </div>
  )
}

/** Summary tiles: a label and a figure each; `className` sets the grid's columns. */
export function TileSkeletons({ count, className }: { count: number; className: string }) {
  return (
    <div className={cn('grid gap-3', className)}>
      {Array.from({ length: count }, (_, index) => (
        <Card key={index}>
          <CardBody className="space-y-2">
            <Skeleton className="h-3 w-24" />
            <Skeleton className="h-7 w-20" />
          </CardBody>
        </Card>
      ))}
    </div>
  )
}

/** A table's rows in a card, under an optional header line. */
export function TableSkeleton({ rows, header = false }: { rows: number; header?: boolean }) {
  return (
    <Card>
      <CardBody className="space-y-2">
        {header && <Skeleton className="h-8 w-[32rem] max-w-full" />}
        {Array.from({ length: rows }, (_, index) => (
          <Skeleton key={index} className="h-8 w-full" />
        ))}
      </CardBody>
    </Card>
  )
}

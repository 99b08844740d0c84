import { cn } from '@/lib/cn'

/** A grey placeholder block that pulses while the real content loads. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cn('animate-pulse rounded-md bg-surface-muted', className)} />
}

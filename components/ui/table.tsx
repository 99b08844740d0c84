import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from 'react'
import { cn } from '@/lib/cn'
import { ScrollRegion } from './scroll-region'

/** `aria-label` names the table, and the region it scrolls in on narrow screens. */
export function Table({ className, ...props }: HTMLAttributes<HTMLTableElement> & { 'aria-label': string }) {
  return (
    <ScrollRegion label={props['aria-label']}>
      <table className={cn('w-full border-collapse text-sm', className)} {...props} />
    </ScrollRegion>
  )
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={cn('border-b border-border px-4 py-2 text-left text-xs font-medium tracking-wide text-muted uppercase', className)}
      {...props}
    />
  )
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn('border-b border-border px-4 py-2.5 align-middle', className)} {...props} />
}

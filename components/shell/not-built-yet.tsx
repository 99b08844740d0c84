import type { LucideIcon } from 'lucide-react'
import { EmptyState } from '@/components/ui/empty-state'
import { BackToOverview } from './back-to-overview'
import { PageBody, PageHeader } from './page-header'

/** A section a later issue builds: says what it will show, so nobody mistakes it for an empty result. */
export function NotBuiltYet({
  title,
  description,
  icon,
  children,
}: {
  title: string
  description: string
  icon: LucideIcon
  children: string
}) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <PageBody>
        <EmptyState icon={icon} title="Not built yet" action={<BackToOverview />}>
          {children}
        </EmptyState>
      </PageBody>
    </>
  )
}

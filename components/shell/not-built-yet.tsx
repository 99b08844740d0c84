import type { LucideIcon } from 'lucide-react'
import Link from 'next/link'
import { buttonClasses } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PageBody, PageHeader } from './page-header'

/** A section a later issue builds: says what it will show, so nobody mistakes it for an empty result. */
export function NotBuiltYet({ title, description, icon, children }: { title: string; description: string; icon: LucideIcon; children: string }) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <PageBody>
        <EmptyState
          icon={icon}
          title="Not built yet"
          action={
            <Link href="/" className={buttonClasses({ variant: 'secondary' })}>
              Back to overview
            </Link>
          }
        >
          {children}
        </EmptyState>
      </PageBody>
    </>
  )
}

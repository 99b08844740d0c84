import { SearchX } from 'lucide-react'
import Link from 'next/link'
import { buttonClasses } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-6 py-20">
      <EmptyState
        icon={SearchX}
        title="Page not found"
        action={
          <Link href="/" className={buttonClasses({ variant: 'secondary' })}>
            Back to overview
          </Link>
        }
      >
        Nothing lives at this address. Check the link, or start from the overview.
      </EmptyState>
    </main>
  )
}

import { ShieldAlert } from 'lucide-react'
import Link from 'next/link'
import { buttonClasses } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-6 py-20">
      <EmptyState
        icon={ShieldAlert}
        title="You don't have access to this"
        action={
          <Link href="/" className={buttonClasses({ variant: 'secondary' })}>
            Back to overview
          </Link>
        }
      >
        Your role does not allow this page or action. Ask an admin if you need it.
      </EmptyState>
    </main>
  )
}

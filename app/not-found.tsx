import { SearchX } from 'lucide-react'
import { BackToOverview } from '@/components/shell/back-to-overview'
import { EmptyState } from '@/components/ui/empty-state'

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-6 py-20">
      <EmptyState icon={SearchX} title="Page not found" action={<BackToOverview />}>
        Nothing lives at this address. Check the link, or start from the overview.
      </EmptyState>
    </main>
  )
}

import { ShieldAlert } from 'lucide-react'
import { BackToOverview } from '@/components/shell/back-to-overview'
import { EmptyState } from '@/components/ui/empty-state'

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-6 py-20">
      <EmptyState icon={ShieldAlert} title="You don't have access to this" action={<BackToOverview />}>
        Your role does not allow this page or action. Ask an admin if you need it.
      </EmptyState>
    </main>
  )
}

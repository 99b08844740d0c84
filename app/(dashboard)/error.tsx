'use client'

import { TriangleAlert } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="px-6 py-10 md:px-8">
      <EmptyState icon={TriangleAlert} title="This page failed to load" action={<Button onClick={reset}>Try again</Button>}>
        Something went wrong on our side{error.digest ? ` (reference ${error.digest})` : ''}. The rest of Spanlens still works.
      </EmptyState>
    </div>
  )
}

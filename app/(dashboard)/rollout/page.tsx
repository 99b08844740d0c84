import { Rocket } from 'lucide-react'
import type { Metadata } from 'next'
import { NotBuiltYet } from '@/components/shell/not-built-yet'
import { requirePermission } from '@/lib/auth/session'

export const metadata: Metadata = { title: 'Rollout' }

export default async function RolloutPage() {
  await requirePermission('dashboard.read')
  return (
    <NotBuiltYet title="Rollout" description="Tracing rollout progress against the week plan" icon={Rocket}>
      The progress board: every inventory service with its rollout status (not started → instrumented → verified), wave, owner, coverage and
      trace quality, and progress over time against the plan.
    </NotBuiltYet>
  )
}

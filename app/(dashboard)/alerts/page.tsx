import { BellRing } from 'lucide-react'
import type { Metadata } from 'next'
import { NotBuiltYet } from '@/components/shell/not-built-yet'
import { requirePermission } from '@/lib/auth/session'

export const metadata: Metadata = { title: 'Alerts' }

export default async function AlertsPage() {
  await requirePermission('dashboard.read')
  return (
    <NotBuiltYet title="Alerts" description="Alert rules and what is firing" icon={BellRing}>
      Alert rules (static and baseline-relative latency, error rate, burn rate, trace reliability, no data) with their pending, firing and
      resolved alerts. Admins will edit rules here.
    </NotBuiltYet>
  )
}

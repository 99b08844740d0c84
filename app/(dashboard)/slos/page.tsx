import { Gauge } from 'lucide-react'
import type { Metadata } from 'next'
import { NotBuiltYet } from '@/components/shell/not-built-yet'
import { requirePermission } from '@/lib/auth/session'

export const metadata: Metadata = { title: 'SLOs' }

export default async function SlosPage() {
  await requirePermission('dashboard.read')
  return (
    <NotBuiltYet title="SLOs" description="Objectives, error budgets and burn rates" icon={Gauge}>
      Service level objectives over their windows, with the error budget left and multi-window burn-rate alerts.
    </NotBuiltYet>
  )
}

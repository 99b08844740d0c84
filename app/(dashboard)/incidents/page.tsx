import { Siren } from 'lucide-react'
import type { Metadata } from 'next'
import { NotBuiltYet } from '@/components/shell/not-built-yet'
import { requirePermission } from '@/lib/auth/session'

export const metadata: Metadata = { title: 'Incidents' }

export default async function IncidentsPage() {
  await requirePermission('dashboard.read')
  return (
    <NotBuiltYet title="Incidents" description="Debugging episodes and time to resolve" icon={Siren}>
      Incidents with their started, detected and resolved times and whether traces were used — the data behind the &ldquo;50 % faster
      debugging&rdquo; target. Entered here, imported from CSV or received by webhook.
    </NotBuiltYet>
  )
}

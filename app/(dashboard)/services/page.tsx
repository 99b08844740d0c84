import { Boxes } from 'lucide-react'
import type { Metadata } from 'next'
import { NotBuiltYet } from '@/components/shell/not-built-yet'
import { requireUser } from '@/lib/auth/session'

export const metadata: Metadata = { title: 'Services' }

export default async function ServicesPage() {
  await requireUser()
  return (
    <NotBuiltYet title="Services" description="Latency, errors and throughput per service" icon={Boxes}>
      Every inventory and discovered service with its request rate, error rate and p95 against its baseline, slow operations
      flagged, and a drill-down to the slowest traces. It needs the sync pipeline&apos;s summaries, which are not collected yet.
    </NotBuiltYet>
  )
}

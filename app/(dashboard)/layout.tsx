import type { ReactNode } from 'react'
import { Sidebar } from '@/components/shell/sidebar'
import { requireUser } from '@/lib/auth/session'

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser()
  return (
    <div className="flex min-h-dvh flex-col md:flex-row">
      <Sidebar user={user} />
      <main id="main" className="min-w-0 flex-1">
        {children}
      </main>
    </div>
  )
}

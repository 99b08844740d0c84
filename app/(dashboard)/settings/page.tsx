import { Boxes, ChevronRight, Goal, Network, Users } from 'lucide-react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { Badge } from '@/components/ui/badge'
import { Card } from '@/components/ui/card'
import { can, type Permission } from '@/lib/auth/permissions'
import { requireUser } from '@/lib/auth/session'

export const metadata: Metadata = { title: 'Settings' }

const SECTIONS: { href: string; title: string; description: string; icon: typeof Users; editPermission: Permission }[] = [
  { href: '/settings/users', title: 'Users and roles', description: 'Who can sign in, and as what', icon: Users, editPermission: 'users.manage' },
  { href: '/settings/inventory', title: 'Service inventory', description: 'The services we expect to trace', icon: Boxes, editPermission: 'inventory.write' },
  { href: '/settings/targets', title: 'Week-2 targets', description: 'Goals on the overview scorecard', icon: Goal, editPermission: 'targets.write' },
  { href: '/settings/jaeger', title: 'Jaeger connection', description: 'Where spans come from, and the sync worker', icon: Network, editPermission: 'jaeger.configure' },
]

export default async function SettingsPage() {
  const user = await requireUser()
  return (
    <>
      <PageHeader title="Settings" description="Users, inventory, targets and the Jaeger connection" />
      <PageBody>
        <div className="grid gap-4 md:grid-cols-2">
          {SECTIONS.map(({ href, title, description, icon: Icon, editPermission }) => {
            const usersOnly = href === '/settings/users'
            const allowed = !usersOnly || can(user.role, 'users.manage')
            const body = (
              <Card className={`flex items-center gap-4 p-5 transition-colors ${allowed ? 'hover:border-accent' : 'opacity-60'}`}>
                <span className="rounded-md bg-accent-soft p-2 text-accent">
                  <Icon className="size-5" aria-hidden />
                </span>
                <div className="min-w-0 flex-1">
                  <div className="flex items-center gap-2 text-sm font-semibold">
                    {title}
                    {!can(user.role, editPermission) && <Badge>{usersOnly ? 'admins only' : 'read-only'}</Badge>}
                  </div>
                  <p className="text-xs text-muted">{description}</p>
                </div>
                {allowed && <ChevronRight className="size-4 text-muted" aria-hidden />}
              </Card>
            )
            return allowed ? (
              <Link key={href} href={href} className="rounded-lg">
                {body}
              </Link>
            ) : (
              <div key={href}>{body}</div>
            )
          })}
        </div>
      </PageBody>
    </>
  )
}

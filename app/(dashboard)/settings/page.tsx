import { Boxes, ChevronRight, Goal, KeyRound, Network, ScrollText, UserCog, Users } from 'lucide-react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { Badge } from '@/components/ui/badge'
import { Card } from '@/components/ui/card'
import { can, type Permission } from '@/lib/auth/permissions'
import { requirePermission } from '@/lib/auth/session'

export const metadata: Metadata = { title: 'Settings' }

/** `viewPermission`: who may open the section at all; `editPermission`: who may change what it shows. */
const SECTIONS: {
  href: string
  title: string
  description: string
  icon: typeof Users
  viewPermission: Permission
  editPermission: Permission
  lockedLabel: string
}[] = [
  {
    href: '/account',
    title: 'Your account',
    description: 'Password and where you are signed in',
    icon: UserCog,
    viewPermission: 'account.write',
    editPermission: 'account.write',
    lockedLabel: '',
  },
  {
    href: '/settings/users',
    title: 'Users and roles',
    description: 'Who can sign in, and as what',
    icon: Users,
    viewPermission: 'users.manage',
    editPermission: 'users.manage',
    lockedLabel: 'admins only',
  },
  {
    href: '/settings/audit',
    title: 'Audit log',
    description: 'Who changed what, and when',
    icon: ScrollText,
    viewPermission: 'audit.read',
    editPermission: 'audit.read',
    lockedLabel: 'managers and admins',
  },
  {
    href: '/settings/tokens',
    title: 'API tokens',
    description: 'Scoped secrets for machine posts (load tests, incident tools)',
    icon: KeyRound,
    viewPermission: 'tokens.manage',
    editPermission: 'tokens.manage',
    lockedLabel: 'admins only',
  },
  {
    href: '/settings/inventory',
    title: 'Service inventory',
    description: 'The services we expect to trace',
    icon: Boxes,
    viewPermission: 'dashboard.read',
    editPermission: 'inventory.write',
    lockedLabel: 'read-only',
  },
  {
    href: '/settings/targets',
    title: 'Week-2 targets',
    description: 'Goals on the overview scorecard',
    icon: Goal,
    viewPermission: 'dashboard.read',
    editPermission: 'targets.write',
    lockedLabel: 'read-only',
  },
  {
    href: '/settings/jaeger',
    title: 'Jaeger connection',
    description: 'Where spans come from, and the sync worker',
    icon: Network,
    viewPermission: 'dashboard.read',
    editPermission: 'jaeger.configure',
    lockedLabel: 'read-only',
  },
]

export default async function SettingsPage() {
  const user = await requirePermission('dashboard.read')
  return (
    <>
      <PageHeader title="Settings" description="Your account, users, the audit log, inventory, targets and the Jaeger connection" />
      <PageBody>
        <div className="grid gap-4 md:grid-cols-2">
          {SECTIONS.map(({ href, title, description, icon: Icon, viewPermission, editPermission, lockedLabel }) => {
            const allowed = can(user.role, viewPermission)
            const body = (
              <Card className={`flex items-center gap-4 p-5 transition-colors ${allowed ? 'hover:border-accent' : 'bg-surface-muted'}`}>
                <span className="rounded-md bg-accent-soft p-2 text-accent">
                  <Icon className="size-5" aria-hidden />
                </span>
                <div className="min-w-0 flex-1">
                  <div className="flex items-center gap-2 text-sm font-semibold">
                    {title}
                    {!can(user.role, editPermission) && <Badge>{lockedLabel}</Badge>}
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

import { ScanSearch } from 'lucide-react'
import Link from 'next/link'
import type { SessionUser } from '@/lib/auth/schemas'
import { NavLinks } from './nav-links'
import { RoleBadge } from './role-badge'
import { SignOutButton } from './sign-out-button'
import { ThemeToggle } from './theme-toggle'

export function Sidebar({ user }: { user: SessionUser }) {
  return (
    <aside className="flex shrink-0 flex-col gap-4 border-b border-border bg-surface px-3 py-3 md:sticky md:top-0 md:h-dvh md:w-60 md:border-r md:border-b-0 md:py-5">
      <Link href="/" className="flex items-center gap-2 px-2 text-base font-semibold tracking-tight">
        <span className="rounded-md bg-accent p-1 text-accent-foreground">
          <ScanSearch className="size-4" aria-hidden />
        </span>
        Spanlens
      </Link>
      <NavLinks />
      <div
        className="flex items-center justify-between gap-3 border-t border-border px-2 pt-3 md:mt-auto md:block md:space-y-3 md:pt-4"
        data-testid="current-user"
      >
        <div className="min-w-0">
          <div className="truncate text-sm font-medium">{user.name}</div>
          <div className="truncate text-xs text-muted">{user.email}</div>
          <div className="mt-1.5">
            <RoleBadge role={user.role} />
          </div>
        </div>
        <div className="flex items-center gap-2 md:justify-between">
          <ThemeToggle />
          <SignOutButton />
        </div>
      </div>
    </aside>
  )
}

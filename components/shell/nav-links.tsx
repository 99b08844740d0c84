'use client'

import { BellRing, Boxes, Gauge, GitCompareArrows, LayoutDashboard, Rocket, Settings, Siren } from 'lucide-react'
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { cn } from '@/lib/cn'

export const NAV_ITEMS = [
  { href: '/', label: 'Overview', icon: LayoutDashboard },
  { href: '/services', label: 'Services', icon: Boxes },
  { href: '/deployments', label: 'Deployments', icon: GitCompareArrows },
  { href: '/rollout', label: 'Rollout', icon: Rocket },
  { href: '/alerts', label: 'Alerts', icon: BellRing },
  { href: '/slos', label: 'SLOs', icon: Gauge },
  { href: '/incidents', label: 'Incidents', icon: Siren },
  { href: '/settings', label: 'Settings', icon: Settings },
] as const

const isActive = (pathname: string, href: string) =>
  href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`)

export function NavLinks() {
  const pathname = usePathname()
  return (
    <nav aria-label="Main" className="flex gap-1 overflow-x-auto md:flex-col md:overflow-visible">
      {NAV_ITEMS.map(({ href, label, icon: Icon }) => {
        const active = isActive(pathname, href)
        return (
          <Link
            key={href}
            href={href}
            aria-current={active ? 'page' : undefined}
            className={cn(
              'flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap transition-colors',
              active ? 'bg-accent-soft text-accent' : 'text-muted hover:bg-surface-muted hover:text-foreground',
            )}
          >
            <Icon className="size-4 shrink-0" aria-hidden />
            {label}
          </Link>
        )
      })}
    </nav>
  )
}

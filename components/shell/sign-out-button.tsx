'use client'

import { LogOut } from 'lucide-react'
import { signOut } from 'next-auth/react'
import { Button } from '@/components/ui/button'

export function SignOutButton() {
  return (
    <Button variant="ghost" size="sm" onClick={() => signOut({ callbackUrl: '/login' })} aria-label="Sign out" title="Sign out">
      <LogOut className="size-3.5" aria-hidden />
      <span>Sign out</span>
    </Button>
  )
}

import { KeyRound } from 'lucide-react'
import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { Card, CardBody } from '@/components/ui/card'
import { requirePermission } from '@/lib/auth/session'
import { completePasswordResetAction } from './actions'
import { PasswordForm } from '@/components/account/password-form'

export const metadata: Metadata = { title: 'Choose a new password' }

/** Where a user whose password an admin reset lands after signing in with the temporary one. */
export default async function ChangePasswordPage() {
  const user = await requirePermission('account.write', { allowPasswordReset: true })
  if (!user.passwordResetRequired) redirect('/account')
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-6 flex flex-col items-center text-center">
          <span className="mb-3 rounded-lg bg-accent p-2 text-accent-foreground">
            <KeyRound className="size-6" aria-hidden />
          </span>
          <h1 className="text-xl font-semibold tracking-tight">Choose a new password</h1>
          <p className="mt-1 text-sm text-muted">An admin reset the password of {user.email}. Enter the temporary one, then your own.</p>
        </div>
        <Card>
          <CardBody className="px-6 py-6">
            <PasswordForm action={completePasswordResetAction} submitLabel="Set password and continue" />
          </CardBody>
        </Card>
      </div>
    </main>
  )
}

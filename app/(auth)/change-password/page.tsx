import { KeyRound } from 'lucide-react'
import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { Card, CardBody } from '@/components/ui/card'
import { requirePermission } from '@/lib/auth/session'
import { completePasswordResetAction } from './actions'
import { PasswordForm } from '@/components/account/password-form'
import { AuthPage } from '@/components/shell/auth-page'

export const metadata: Metadata = { title: 'Choose a new password' }

/** Where a user whose password an admin reset lands after signing in with the temporary one. */
export default async function ChangePasswordPage() {
  const user = await requirePermission('account.write', { allowPasswordReset: true })
  if (!user.passwordResetRequired) redirect('/account')
  return (
    <AuthPage
      icon={KeyRound}
      title="Choose a new password"
      description={`An admin reset the password of ${user.email}. Enter the temporary one, then your own.`}
      width="max-w-md"
    >
      <Card>
        <CardBody className="px-6 py-6">
          <PasswordForm action={completePasswordResetAction} submitLabel="Set password and continue" />
        </CardBody>
      </Card>
    </AuthPage>
  )
}

import type { Metadata } from 'next'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { RoleBadge } from '@/components/shell/role-badge'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { requirePermission } from '@/lib/auth/session'
import { describeUserAgent } from '@/lib/auth/user-agent'
import { formatDateTime } from '@/lib/format/date'
import { listActiveSessions } from '@/lib/users/repository'
import { changeOwnPasswordAction } from './actions'
import { PasswordForm } from '@/components/account/password-form'
import { SessionList } from './_components/session-list'

export const metadata: Metadata = { title: 'Your account' }

export default async function AccountPage() {
  const user = await requirePermission('account.write')
  const sessions = await listActiveSessions(user.id)
  return (
    <>
      <PageHeader title="Your account" description={`${user.name} · ${user.email}`} actions={<RoleBadge role={user.role} />} />
      <PageBody>
        <Card>
          <CardHeader title="Password" description="Changing it signs you out everywhere else." />
          <CardBody>
            <PasswordForm action={changeOwnPasswordAction} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Where you are signed in" description="Sessions last 12 hours from sign-in (UTC times)." />
          <CardBody>
            <SessionList
              sessions={sessions.map((session) => ({
                id: session.id,
                current: session.id === user.sessionId,
                signedIn: formatDateTime(session.createdAt),
                expires: formatDateTime(session.expiresAt),
                address: session.address ?? 'an unknown address',
                browser: describeUserAgent(session.userAgent),
              }))}
            />
          </CardBody>
        </Card>
      </PageBody>
    </>
  )
}

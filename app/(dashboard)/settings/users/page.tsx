import type { Metadata } from 'next'
import Link from 'next/link'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { RoleBadge } from '@/components/shell/role-badge'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { Table, Td, Th } from '@/components/ui/table'
import { requirePermission } from '@/lib/auth/session'
import { listUsers } from '@/lib/users/repository'
import { Badge } from '@/components/ui/badge'
import { AccountControls } from './_components/account-controls'
import { AddUserForm } from './_components/add-user-form'
import { RoleForm } from './_components/role-form'

export const metadata: Metadata = { title: 'Users and roles' }

export default async function UsersPage() {
  const admin = await requirePermission('users.manage')
  const users = await listUsers()
  return (
    <>
      <PageHeader
        title="Users and roles"
        description="Engineers read dashboards; managers also override rollout status and read the audit log; admins edit everything."
        actions={
          <Link href="/settings/audit" className="text-sm text-accent underline-offset-2 hover:underline">
            Audit log
          </Link>
        }
      />
      <PageBody>
        <Card>
          <CardHeader title={`${users.length} users`} />
          <Table aria-label="Users">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>E-mail</Th>
                <Th>Role</Th>
                <Th>Change role</Th>
                <Th>Account</Th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id} data-testid={`user-row-${user.email}`}>
                  <Td className="font-medium">
                    {user.name}
                    {user.disabledAt && (
                      <Badge tone="bad" className="ml-2">
                        disabled
                      </Badge>
                    )}
                    {user.passwordResetRequired && (
                      <Badge tone="warn" className="ml-2">
                        must set a new password
                      </Badge>
                    )}
                  </Td>
                  <Td className="text-muted">{user.email}</Td>
                  <Td>
                    <RoleBadge role={user.role} />
                  </Td>
                  <Td>
                    {user.id === admin.id ? (
                      <span className="text-xs text-muted">you</span>
                    ) : (
                      <RoleForm userId={user.id} email={user.email} role={user.role} />
                    )}
                  </Td>
                  <Td>
                    {user.id === admin.id ? (
                      <Link href="/account" className="text-xs text-accent underline-offset-2 hover:underline">
                        your account
                      </Link>
                    ) : (
                      <AccountControls userId={user.id} email={user.email} disabled={user.disabledAt !== null} />
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card>
          <CardHeader title="Add a user" description="They sign in with this e-mail and password." />
          <CardBody>
            <AddUserForm />
          </CardBody>
        </Card>
      </PageBody>
    </>
  )
}

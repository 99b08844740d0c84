import type { Metadata } from 'next'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { RoleBadge } from '@/components/shell/role-badge'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { Table, Td, Th } from '@/components/ui/table'
import { formatAuditDetails } from '@/lib/audit/format-details'
import { listAuditEntries } from '@/lib/audit/repository'
import { requirePermission } from '@/lib/auth/session'
import { formatDateTime } from '@/lib/format/date'
import { listUsers } from '@/lib/users/repository'
import { AddUserForm } from './_components/add-user-form'
import { RoleForm } from './_components/role-form'

export const metadata: Metadata = { title: 'Users and roles' }

export default async function UsersPage() {
  const admin = await requirePermission('users.manage')
  const [users, audit] = await Promise.all([listUsers(), listAuditEntries({ limit: 20 })])
  return (
    <>
      <PageHeader title="Users and roles" description="Engineers read dashboards; managers also override rollout status; admins edit everything." />
      <PageBody>
        <Card>
          <CardHeader title={`${users.length} users`} />
          <Table>
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>E-mail</Th>
                <Th>Role</Th>
                <Th>Change role</Th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id} data-testid={`user-row-${user.email}`}>
                  <Td className="font-medium">{user.name}</Td>
                  <Td className="text-muted">{user.email}</Td>
                  <Td>
                    <RoleBadge role={user.role} />
                  </Td>
                  <Td>{user.id === admin.id ? <span className="text-xs text-muted">you</span> : <RoleForm userId={user.id} email={user.email} role={user.role} />}</Td>
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
        <Card data-testid="audit-log">
          <CardHeader title="Audit log" description="The latest changes, newest first (UTC)" />
          {audit.length ? (
            <Table>
              <thead>
                <tr>
                  <Th>When</Th>
                  <Th>Who</Th>
                  <Th>What</Th>
                  <Th>Details</Th>
                </tr>
              </thead>
              <tbody>
                {audit.map((entry) => (
                  <tr key={entry.id}>
                    <Td className="whitespace-nowrap text-muted">{formatDateTime(entry.at)}</Td>
                    <Td>{entry.actorEmail ?? 'system'}</Td>
                    <Td className="font-mono text-xs">{entry.action}</Td>
                    <Td className="text-xs text-muted">{formatAuditDetails(entry.details)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : (
            <CardBody className="text-sm text-muted">Nothing has been changed yet.</CardBody>
          )}
        </Card>
      </PageBody>
    </>
  )
}

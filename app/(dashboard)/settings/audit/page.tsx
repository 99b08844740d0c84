import type { Metadata } from 'next'
import Link from 'next/link'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { Table, Td, Th } from '@/components/ui/table'
import { formatAuditDetails } from '@/lib/audit/format-details'
import { listAuditEntries } from '@/lib/audit/repository'
import { auditQuery } from '@/lib/audit/schemas'
import { requirePermission } from '@/lib/auth/session'
import { formatDateTime } from '@/lib/format/date'

export const metadata: Metadata = { title: 'Audit log' }

const PAGE_SIZE = 50
const KINDS = [
  { action: undefined, label: 'Everything' },
  { action: 'user.', label: 'Users and sessions' },
  { action: 'service.', label: 'Services' },
  { action: 'inventory.', label: 'Inventory' },
] as const

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('audit.read')
  const query = auditQuery.parse(await searchParams)
  const entries = await listAuditEntries({ limit: PAGE_SIZE, before: query.before, action: query.action })
  const older = entries.length === PAGE_SIZE ? entries.at(-1)?.id : undefined
  const href = (params: Record<string, string | undefined>) => {
    const search = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined))
    return `/settings/audit${search.size ? `?${search}` : ''}`
  }
  return (
    <>
      <PageHeader title="Audit log" description="Every change to users, sessions and settings: who, what and when (UTC), newest first" />
      <PageBody>
        <nav aria-label="Kind of change" className="flex flex-wrap gap-2 text-sm">
          {KINDS.map(({ action, label }) => (
            <Link
              key={label}
              href={href({ action })}
              aria-current={query.action === action ? 'page' : undefined}
              className="rounded-md border border-border px-3 py-1.5 hover:bg-surface-muted aria-[current=page]:border-accent aria-[current=page]:text-accent"
            >
              {label}
            </Link>
          ))}
        </nav>
        <Card data-testid="audit-log">
          <CardHeader title={query.before ? 'Older changes' : 'Latest changes'} />
          {entries.length ? (
            <Table aria-label="Audit log">
              <thead>
                <tr>
                  <Th>When</Th>
                  <Th>Who</Th>
                  <Th>What</Th>
                  <Th>Details</Th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
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
            <CardBody className="text-sm text-muted">{query.before ? 'Nothing older.' : 'Nothing has been changed yet.'}</CardBody>
          )}
        </Card>
        {(older || query.before) && (
          <div className="flex gap-4 text-sm">
            {query.before && (
              <Link href={href({ action: query.action })} className="text-accent underline-offset-2 hover:underline">
                Newest
              </Link>
            )}
            {older && (
              <Link href={href({ action: query.action, before: older })} className="text-accent underline-offset-2 hover:underline">
                Older →
              </Link>
            )}
          </div>
        )}
      </PageBody>
    </>
  )
}

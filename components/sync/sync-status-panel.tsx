'use client'

import { useQuery } from '@tanstack/react-query'
import { Badge } from '@/components/ui/badge'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { ProgressBar } from '@/components/ui/progress-bar'
import { Table, Td, Th } from '@/components/ui/table'
import { formatDateTime } from '@/lib/format/date'
import { formatDuration } from '@/lib/format/duration'
import { formatRelativeTime } from '@/lib/format/relative-time'
import { syncStatusQuery } from '@/lib/sync/query-options'
import { SyncHealthBadge } from './sync-health-badge'

export function SyncStatusPanel() {
  const { data, error, isFetching } = useQuery(syncStatusQuery())
  if (!data) return null // the server prefetched it; only a failed prefetch gets here
  const now = new Date(data.generatedAt)
  const backfilling = data.backfillPercent < 100
  return (
    <Card data-testid="sync-status">
      <CardHeader
        title="Sync"
        description={`${data.caughtUp} of ${data.synced} services in Jaeger have current data${error ? ' · refresh failed, showing the last answer' : ''}`}
        // "as of" counts from the clock of whoever renders: the server's and the hydrating browser's differ by the page's load time.
        action={
          <span className="text-xs text-muted" suppressHydrationWarning>
            {isFetching ? 'refreshing…' : `as of ${formatRelativeTime(now, new Date())}`}
          </span>
        }
      />
      {backfilling && (
        <CardBody className="space-y-2 border-b border-border">
          <div className="flex justify-between text-xs">
            <span className="font-medium">Backfilling history</span>
            <span className="text-muted" data-testid="backfill-percent">
              {data.backfillPercent.toFixed(1)} %
            </span>
          </div>
          <ProgressBar percent={data.backfillPercent} label="Backfill progress" />
        </CardBody>
      )}
      <Table aria-label="Sync by service">
        <thead>
          <tr>
            <Th>Service</Th>
            <Th>State</Th>
            <Th>Data as of</Th>
            <Th className="text-right">Lag</Th>
            <Th className="text-right">Spans / min</Th>
            <Th>Last error</Th>
          </tr>
        </thead>
        <tbody>
          {data.services.map((status) => (
            <tr key={status.service} data-testid={`sync-row-${status.service}`}>
              <Td className="font-mono text-xs font-medium">
                {status.service} {status.origin === 'discovered' && <Badge tone="accent">discovered</Badge>}
              </Td>
              <Td>
                <SyncHealthBadge status={status} />
              </Td>
              <Td className="whitespace-nowrap text-muted" title={status.dataAsOf ? formatDateTime(new Date(status.dataAsOf)) : undefined}>
                {status.dataAsOf ? formatRelativeTime(new Date(status.dataAsOf), now) : '—'}
              </Td>
              <Td className="text-right whitespace-nowrap">
                {status.lagSeconds === null ? '—' : formatDuration(status.lagSeconds * 1000)}
              </Td>
              <Td className="text-right">{status.spansPerMinute ?? '—'}</Td>
              <Td className="max-w-sm text-xs">
                {status.lastError ? (
                  <span className={status.health === 'failing' ? 'text-bad' : 'text-muted'} title={status.lastError}>
                    <span className="line-clamp-2">{status.lastError}</span>
                    {status.retryAt && status.health === 'failing' && (
                      <span className="block text-muted">
                        retrying in {formatDuration(Math.max(0, Date.parse(status.retryAt) - now.getTime()))}
                      </span>
                    )}
                  </span>
                ) : (
                  '—'
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  )
}

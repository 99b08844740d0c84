import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query'
import type { Metadata } from 'next'
import { StatusDot } from '@/components/health/status-dot'
import { SystemStatus } from '@/components/health/system-status'
import { SyncStatusPanel } from '@/components/sync/sync-status-panel'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { Table, Td, Th } from '@/components/ui/table'
import { requirePermission } from '@/lib/auth/session'
import { env } from '@/lib/env'
import { redactUrl } from '@/lib/url/credentials'
import { formatRelativeTime } from '@/lib/format/relative-time'
import { checkHealth } from '@/lib/health/check-health'
import { isWorkerFresh } from '@/lib/health/health-status'
import { listWorkers } from '@/lib/sync/heartbeat-repository'
import { syncKeys } from '@/lib/sync/query-options'
import { getSyncStatus } from '@/lib/sync/sync-status-repository'

export const metadata: Metadata = { title: 'Jaeger connection' }
export const dynamic = 'force-dynamic'

export default async function JaegerSettingsPage() {
  await requirePermission('dashboard.read')
  const { JAEGER_URL, JAEGER_UI_URL, WORKER_HEARTBEAT_SECONDS } = env()
  // This page is about the connection: it checks Jaeger now rather than trusting the worker's last look.
  const queryClient = new QueryClient()
  const [health, workers] = await Promise.all([
    checkHealth({ jaeger: 'live' }),
    listWorkers(),
    queryClient.prefetchQuery({ queryKey: syncKeys.status(), queryFn: () => getSyncStatus() }),
  ])
  const now = new Date(health.checkedAt)
  return (
    <>
      <PageHeader
        title="Jaeger connection"
        description="Where spans come from, how far the sync has read them, and the workers that do it"
      />
      <PageBody>
        <Card>
          <CardHeader title="Connection" description="Set with JAEGER_URL and JAEGER_UI_URL in the environment" />
          <CardBody>
            <dl className="grid gap-4 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-xs text-muted">Query API</dt>
                <dd className="mt-1 font-mono text-xs" data-testid="jaeger-url">
                  {redactUrl(JAEGER_URL)}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-muted">UI (deep links)</dt>
                <dd className="mt-1 font-mono text-xs">{JAEGER_UI_URL}</dd>
              </div>
            </dl>
          </CardBody>
        </Card>
        <SystemStatus health={health} />
        <HydrationBoundary state={dehydrate(queryClient)}>
          <SyncStatusPanel />
        </HydrationBoundary>
        <Card>
          <CardHeader title="Workers" description={`Each worker writes a heartbeat every ${WORKER_HEARTBEAT_SECONDS} s`} />
          {workers.length ? (
            <Table aria-label="Workers">
              <thead>
                <tr>
                  <Th>Worker</Th>
                  <Th>State</Th>
                  <Th>Last seen</Th>
                  <Th>Jaeger from the worker</Th>
                  <Th>Version</Th>
                </tr>
              </thead>
              <tbody>
                {workers.map((worker) => {
                  const running = !worker.stoppedAt && isWorkerFresh(worker.lastSeenAt, now, WORKER_HEARTBEAT_SECONDS)
                  return (
                    <tr key={worker.id}>
                      <Td className="font-mono text-xs">{worker.id}</Td>
                      <Td>
                        <StatusDot
                          ok={worker.stoppedAt ? null : running}
                          label={worker.stoppedAt ? 'Stopped' : running ? 'Running' : 'Silent'}
                        />
                      </Td>
                      <Td className="text-muted">{formatRelativeTime(worker.lastSeenAt, now)}</Td>
                      <Td>
                        {!worker.jaeger ? (
                          '—'
                        ) : worker.jaeger.ok ? (
                          `reachable · ${worker.jaeger.latencyMs} ms`
                        ) : (
                          <span className="text-bad">{worker.jaeger.error}</span>
                        )}
                      </Td>
                      <Td className="font-mono text-xs text-muted">{worker.version}</Td>
                    </tr>
                  )
                })}
              </tbody>
            </Table>
          ) : (
            <CardBody className="text-sm text-muted">
              No worker has started yet. Run <code className="font-mono">npm run worker</code> (the demo starts one).
            </CardBody>
          )}
        </Card>
      </PageBody>
    </>
  )
}

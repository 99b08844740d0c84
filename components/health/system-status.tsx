import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { formatRelativeTime } from '@/lib/format/relative-time'
import type { Health } from '@/lib/health/check-health'
import { StatusDot } from './status-dot'

const STATUS_TEXT = { ok: 'All systems up', degraded: 'Degraded: pages work, data may be stale', down: 'Database unreachable' } as const

export function SystemStatus({ health }: { health: Health }) {
  const now = new Date(health.checkedAt)
  const { jaeger } = health
  return (
    <Card data-testid="system-status">
      <CardHeader title="System status" description={STATUS_TEXT[health.status]} />
      <CardBody>
        <dl className="grid gap-4 sm:grid-cols-3">
          <div>
            <dt className="text-xs text-muted">Database</dt>
            <dd className="mt-1">
              <StatusDot ok={health.database.ok} label={health.database.ok ? `Up · ${health.database.latencyMs} ms` : 'Down'} />
              {health.database.error && <p className="mt-1 text-xs text-bad">{health.database.error}</p>}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted">Jaeger</dt>
            <dd className="mt-1" data-testid="jaeger-status">
              {jaeger ? (
                <>
                  <StatusDot
                    ok={jaeger.ok}
                    label={
                      jaeger.ok ? `Up · ${jaeger.api === 'v3' ? 'api/v3' : 'classic API'} · ${jaeger.serviceCount} services` : 'Unreachable'
                    }
                  />
                  {!jaeger.ok && <p className="mt-1 text-xs text-bad">{jaeger.error}</p>}
                  {jaeger.source === 'worker' && (
                    <p className="mt-1 text-xs text-muted">as the worker saw it {formatRelativeTime(new Date(jaeger.checkedAt), now)}</p>
                  )}
                </>
              ) : (
                <>
                  <StatusDot ok={null} label="Unknown" />
                  <p className="mt-1 text-xs text-muted">The worker checks Jaeger; none is running.</p>
                </>
              )}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted">Sync worker</dt>
            <dd className="mt-1">
              <StatusDot
                ok={health.worker.ok}
                label={
                  health.worker.lastSeenAt
                    ? `${health.worker.ok ? 'Running' : 'Silent'} · seen ${formatRelativeTime(new Date(health.worker.lastSeenAt), now)}`
                    : 'Never seen'
                }
              />
              {!health.worker.ok && (
                <p className="mt-1 text-xs text-muted">
                  Start it with <code className="font-mono">npm run worker</code>.
                </p>
              )}
            </dd>
          </div>
        </dl>
      </CardBody>
    </Card>
  )
}

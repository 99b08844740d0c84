import Link from 'next/link'
import { RolloutStatusBadge, rolloutStatusLabel } from '@/components/rollout/rollout-status-badge'
import { Badge } from '@/components/ui/badge'
import { Td } from '@/components/ui/table'
import { formatDay } from '@/lib/format/date'
import { formatPercent } from '@/lib/format/percent'
import type { BoardService } from '@/lib/rollout/board-repository'
import { ClearOverrideButton } from './clear-override-button'
import { OverrideForm } from './override-form'

/** One service on the board: its status (and why it is not verified, or the override in force), plan, coverage, quality and overhead. */
export function ServiceRow({ service, mayOverride, mayClear }: { service: BoardService; mayOverride: boolean; mayClear: boolean }) {
  const computed = service.computed?.status ?? service.status
  return (
    <tr
      id={`service-${service.name}`}
      data-late={service.late ? 'true' : undefined}
      className={service.late ? 'bg-warn-soft/60' : undefined}
    >
      <Td className="align-top">
        <Link href={`/services/${encodeURIComponent(service.name)}`} className="font-mono text-xs font-medium text-accent hover:underline">
          {service.name}
        </Link>
        <div className="text-xs text-muted">
          {[service.team, service.tier ? `tier ${service.tier}` : null].filter(Boolean).join(' · ') || '—'}
        </div>
      </Td>
      <Td className="align-top">
        <div className="flex flex-wrap items-center gap-1">
          <RolloutStatusBadge status={service.status} overridden={Boolean(service.override)} />
          {service.late && <Badge tone="warn">{service.late.daysLate} d late</Badge>}
        </div>
        {service.override ? (
          <p className="mt-1 max-w-64 text-xs text-muted">
            Computed: {rolloutStatusLabel(computed)}. Override by {service.override.by ?? 'someone'}: “{service.override.reason}”
            {service.override.expiresAt ? `, until ${formatDay(service.override.expiresAt)}` : ''}.{' '}
            {mayClear && <ClearOverrideButton overrideId={service.override.id} service={service.name} />}
          </p>
        ) : (
          service.computed &&
          service.computed.failing.length > 0 && (
            <ul className="mt-1 max-w-64 list-disc pl-4 text-xs text-muted">
              {service.computed.failing.slice(-2).map((failure) => (
                <li key={`${failure.day}-${failure.check}`}>{failure.message}</li>
              ))}
            </ul>
          )
        )}
        {mayOverride && <OverrideForm service={service.name} computed={computed} />}
      </Td>
      <Td className="align-top text-xs text-muted">{service.owner ?? '—'}</Td>
      <Td className="whitespace-nowrap align-top">{service.plannedDate ? formatDay(new Date(`${service.plannedDate}T00:00:00Z`)) : '—'}</Td>
      <Td className="whitespace-nowrap align-top">{service.goLiveAt ? formatDay(service.goLiveAt) : '—'}</Td>
      <Td className="text-right align-top tabular-nums">
        {service.coverage.expected ? `${service.coverage.expectedSeen}/${service.coverage.expected} ops` : `${service.coverage.seen} ops`}
        <div className="text-xs text-muted">
          attrs {formatPercent(service.quality.keyAttributeShare, 0)} · sampled {formatPercent(service.quality.samplingRate, 0)}
        </div>
      </Td>
      <Td className="text-right align-top tabular-nums">
        {service.quality.reliability === null ? (
          '—'
        ) : (
          <Link href={`/rollout/reliability#service-${service.name}`} className="hover:underline">
            {formatPercent(service.quality.reliability, 2)}
          </Link>
        )}
        <div className="text-xs text-muted">{service.quality.tracesSeen.toLocaleString('en')} traces</div>
      </Td>
      <Td className="text-right align-top tabular-nums">
        {service.overhead ? `${service.overhead.overheadMs.toFixed(2)} ms` : <span className="text-muted">not measured</span>}
      </Td>
    </tr>
  )
}

import Link from 'next/link'
import { Badge } from '@/components/ui/badge'
import { Table, Td, Th } from '@/components/ui/table'
import { formatDuration } from '@/lib/format/duration'
import { formatMoment } from '@/lib/format/date'
import type { IncidentRow } from '@/lib/incidents/incident-list-repository'

const when = (date: Date | null, now: Date) => (date ? formatMoment(date, now) : '—')

export function IncidentTable({ incidents, now }: { incidents: readonly IncidentRow[]; now: Date }) {
  return (
    <Table aria-label="Incidents" data-testid="incident-list">
      <thead>
        <tr>
          <Th>Services</Th>
          <Th>Started</Th>
          <Th>Detected</Th>
          <Th>Resolved</Th>
          <Th>Time to resolve</Th>
          <Th>Traces</Th>
          <Th>Source</Th>
        </tr>
      </thead>
      <tbody>
        {incidents.map((incident) => (
          <tr key={incident.id} data-testid={`incident-${incident.source}-${incident.externalId}`}>
            <Td>
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                {incident.services.map((service) =>
                  incident.unmatchedServices.includes(service) ? (
                    <Badge key={service} tone="warn" title="Not in the inventory: no go-live to compare with">
                      {service} · unmatched
                    </Badge>
                  ) : (
                    <Link key={service} href={`/incidents?service=${encodeURIComponent(service)}`} className="text-accent hover:underline">
                      {service}
                    </Link>
                  ),
                )}
              </div>
              {incident.title && <div className="mt-0.5 max-w-72 truncate text-xs text-muted">{incident.title}</div>}
            </Td>
            <Td className="whitespace-nowrap tabular-nums">
              {when(incident.startedAt, now)}
              {incident.cohort && <div className="text-xs text-muted">{incident.cohort} go-live</div>}
            </Td>
            <Td className="whitespace-nowrap tabular-nums">{when(incident.detectedAt, now)}</Td>
            <Td className="whitespace-nowrap tabular-nums">
              {incident.resolvedAt ? when(incident.resolvedAt, now) : <Badge tone="warn">open</Badge>}
            </Td>
            <Td className="whitespace-nowrap tabular-nums">
              {incident.timeToResolveMs === null ? '—' : formatDuration(incident.timeToResolveMs)}
            </Td>
            <Td>
              <div className="text-xs">
                {incident.tracesUsed === null ? (
                  <span className="text-muted">not recorded</span>
                ) : incident.tracesUsed ? (
                  'used'
                ) : (
                  'not used'
                )}
              </div>
              {incident.traceIds.map((traceId) => (
                <Link
                  key={traceId}
                  href={`/traces/${traceId}`}
                  className="block font-mono text-xs text-accent hover:underline"
                  title={traceId}
                >
                  <span className="sr-only">trace </span>
                  {traceId.slice(0, 12)}…
                </Link>
              ))}
            </Td>
            <Td className="text-xs">
              <div className="font-medium">{incident.source}</div>
              {incident.source !== 'form' || !incident.externalId.startsWith('form-') ? (
                incident.url ? (
                  <a href={incident.url} target="_blank" rel="noreferrer noopener" className="text-accent hover:underline">
                    {incident.externalId}
                  </a>
                ) : (
                  <span className="text-muted">{incident.externalId}</span>
                )
              ) : null}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}

import { BellOff } from 'lucide-react'
import Link from 'next/link'
import { Badge, type BadgeTone } from '@/components/ui/badge'
import { Table, Td, Th } from '@/components/ui/table'
import { formatRuleValue } from '@/lib/alerts/format-rule-value'
import { seriesPath } from '@/lib/alerts/notify/describe-alert'
import { thresholdOf, unitOf } from '@/lib/alerts/rule-units'
import { alertSilenceMatchers, newSilencePath } from '@/lib/alerts/silence-form'
import type { Alert, Severity, StoredAlertRule } from '@/lib/alerts/schemas'
import { formatRelativeTime } from '@/lib/format/relative-time'
import { cn } from '@/lib/cn'

export const SEVERITY_TONE: Record<Severity, BadgeTone> = { critical: 'bad', warning: 'warn', info: 'neutral' }
const STATE_TONE = { firing: 'bad', pending: 'warn', inactive: 'ok' } as const satisfies Record<Alert['state'], BadgeTone>
const STATE_LABEL = { firing: 'Firing', pending: 'Pending', inactive: 'Resolved' } as const

/** `silencedBy`: the ids of the active silences matching the alert (lib/alerts/silences.ts isSilenced). */
export type AlertListRow = Alert & { rule: StoredAlertRule; silencedBy?: readonly string[] }

/**
 * Alerts with their series (linked to its latency page), value against the rule's threshold, and since
 * when; a silenced one is marked, linked to its silence. `canSilence` adds a "Silence" link to firing
 * and pending ones, opening the new-silence form prefilled with the alert's name and series.
 */
export function AlertTable({
  alerts,
  now,
  highlight,
  label,
  canSilence = false,
}: {
  alerts: AlertListRow[]
  now: Date
  highlight?: string
  label: string
  canSilence?: boolean
}) {
  const silenceable = canSilence && alerts.some((alert) => alert.state !== 'inactive')
  return (
    <Table aria-label={label}>
      <thead>
        <tr>
          <Th>State</Th>
          <Th>Alert</Th>
          <Th>Series</Th>
          <Th className="text-right">Value</Th>
          <Th>Since</Th>
          <Th>Summary</Th>
          {silenceable && (
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          )}
        </tr>
      </thead>
      <tbody>
        {alerts.map((alert) => {
          const unit = unitOf(alert.rule)
          const since =
            alert.state === 'firing' && alert.firedAt
              ? alert.firedAt
              : alert.state === 'inactive' && alert.resolvedAt
                ? alert.resolvedAt
                : alert.activeAt
          const { service, operation, span_kind: spanKind } = alert.labels
          return (
            <tr
              key={`${alert.rule.id}-${alert.fingerprint}`}
              id={`alert-${alert.fingerprint}`}
              className={cn(highlight === alert.fingerprint && 'bg-accent-soft')}
            >
              <Td>
                <span className="inline-flex flex-wrap items-center gap-1">
                  <Badge tone={STATE_TONE[alert.state]}>{STATE_LABEL[alert.state]}</Badge>
                  {alert.silencedBy?.length ? (
                    <Link
                      href={`/alerts/silences#silence-${alert.silencedBy[0]}`}
                      title={`Silenced by ${alert.silencedBy.length === 1 ? 'a silence' : `${alert.silencedBy.length} silences`}: it notifies no one while it fires`}
                    >
                      <Badge tone="neutral">
                        <BellOff className="size-3" aria-hidden />
                        silenced
                        <span className="sr-only">: see the silence</span>
                      </Badge>
                    </Link>
                  ) : null}
                </span>
              </Td>
              <Td>
                <Link href={`/alerts/rules/${alert.rule.id}`} className="font-medium hover:underline">
                  {alert.rule.name}
                </Link>
                <Badge tone={SEVERITY_TONE[alert.rule.severity]} className="ml-2">
                  {alert.rule.severity}
                </Badge>
              </Td>
              <Td className="max-w-72 truncate">
                {service ? (
                  <Link
                    href={seriesPath(service, operation, spanKind)}
                    className="text-accent hover:underline"
                    title={[service, operation].filter(Boolean).join(' · ')}
                  >
                    {service}
                    {operation ? <span className="text-muted"> · {operation}</span> : null}
                  </Link>
                ) : (
                  '—'
                )}
              </Td>
              <Td className="text-right whitespace-nowrap tabular-nums">
                {formatRuleValue(unit, alert.value)}
                <span className="block text-xs text-muted">
                  {alert.rule.condition.kind === 'trace_reliability' ? 'below' : 'above'} {formatRuleValue(unit, thresholdOf(alert.rule))}
                </span>
              </Td>
              <Td className="whitespace-nowrap">
                <time dateTime={new Date(since).toISOString()} title={new Date(since).toISOString()}>
                  {formatRelativeTime(new Date(since), now)}
                </time>
              </Td>
              <Td className="max-w-96 text-muted">{alert.annotations.summary ?? ''}</Td>
              {silenceable && (
                <Td>
                  {alert.state !== 'inactive' && (
                    <Link
                      href={newSilencePath({ matchers: alertSilenceMatchers(alert.labels) })}
                      className="text-xs whitespace-nowrap text-accent hover:underline"
                    >
                      Silence
                      <span className="sr-only">
                        {' '}
                        {alert.rule.name}
                        {service ? ` on ${service}` : ''}
                        {operation ? ` ${operation}` : ''}
                      </span>
                    </Link>
                  )}
                </Td>
              )}
            </tr>
          )
        })}
      </tbody>
    </Table>
  )
}

import Link from 'next/link'
import { Badge } from '@/components/ui/badge'
import { Table, Td, Th } from '@/components/ui/table'
import { describeCondition } from '@/lib/alerts/prometheus-api'
import type { Alert, StoredAlertRule } from '@/lib/alerts/schemas'
import { formatPrometheusDuration } from '@/lib/time/prometheus-duration'
import { SEVERITY_TONE } from './alert-table'

/** Each rule with its condition written out, its timing, and how many of its alerts fire or wait now. */
export function RuleTable({ rules, alertsOf }: { rules: StoredAlertRule[]; alertsOf: (ruleId: string) => readonly Alert[] }) {
  return (
    <Table aria-label="Alert rules">
      <thead>
        <tr>
          <Th>Rule</Th>
          <Th>Condition</Th>
          <Th>For</Th>
          <Th>Severity</Th>
          <Th>Now</Th>
        </tr>
      </thead>
      <tbody>
        {rules.map((rule) => {
          const alerts = alertsOf(rule.id)
          const firing = alerts.filter((alert) => alert.state === 'firing').length
          const pending = alerts.filter((alert) => alert.state === 'pending').length
          return (
            <tr key={rule.id}>
              <Td>
                <Link href={`/alerts/rules/${rule.id}`} className="font-medium hover:underline">
                  {rule.name}
                </Link>
                {!rule.enabled && (
                  <Badge tone="neutral" className="ml-2">
                    Disabled
                  </Badge>
                )}
              </Td>
              <Td className="font-mono text-xs">{describeCondition(rule)}</Td>
              <Td className="whitespace-nowrap">
                {formatPrometheusDuration(rule.for)}
                {rule.keepFiringFor > 0 && <span className="text-muted"> (+{formatPrometheusDuration(rule.keepFiringFor)} kept)</span>}
              </Td>
              <Td>
                <Badge tone={SEVERITY_TONE[rule.severity]}>{rule.severity}</Badge>
              </Td>
              <Td className="whitespace-nowrap">
                {firing > 0 && <Badge tone="bad">{firing} firing</Badge>} {pending > 0 && <Badge tone="warn">{pending} pending</Badge>}
                {firing + pending === 0 && <span className="text-muted">{rule.enabled ? 'Quiet' : '—'}</span>}
              </Td>
            </tr>
          )
        })}
      </tbody>
    </Table>
  )
}

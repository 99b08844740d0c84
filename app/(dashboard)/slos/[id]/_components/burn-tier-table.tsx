import Link from 'next/link'
import { Badge } from '@/components/ui/badge'
import { Table, Td, Th } from '@/components/ui/table'
import { cn } from '@/lib/cn'
import { formatBurnRate } from '@/lib/slo/format-slo'
import type { SloAlert } from '@/lib/slo/slo-read-repository'
import type { SloStatus } from '@/lib/slo/slo-status'
import { formatPrometheusDuration } from '@/lib/time/prometheus-duration'

/** Each tier: its factor, the burn over its long and short windows now, and what its alert is doing. */
export function BurnTierTable({ status, alerts }: { status: SloStatus; alerts: SloAlert[] }) {
  return (
    <Table aria-label="Burn-rate tiers">
      <thead>
        <tr>
          <Th>Tier</Th>
          <Th className="text-right">Alerts at</Th>
          <Th className="text-right">Long window</Th>
          <Th className="text-right">Short window</Th>
          <Th className="text-right">Events (short)</Th>
          <Th>Now</Th>
        </tr>
      </thead>
      <tbody>
        {status.tiers.map((tier) => {
          const alert = alerts.find((candidate) => candidate.tier === tier.tier && candidate.state !== 'inactive')
          const burning = (rate: number | null) => rate !== null && rate >= tier.factor
          return (
            <tr key={tier.tier} data-tier={tier.tier} className={cn(!tier.enabled && 'text-muted')}>
              <Td className="whitespace-nowrap">
                <span className="font-medium">{tier.action === 'page' ? 'Page' : 'Ticket'}</span>
                <span className="ml-1 text-xs text-muted">
                  {formatPrometheusDuration(tier.longSeconds)} / {formatPrometheusDuration(tier.shortSeconds)}
                </span>
              </Td>
              <Td className="text-right tabular-nums">{tier.factor}×</Td>
              <Td className={cn('text-right tabular-nums', burning(tier.longBurn) && 'font-medium text-bad')}>
                {formatBurnRate(tier.longBurn)}
              </Td>
              <Td className={cn('text-right tabular-nums', burning(tier.shortBurn) && 'font-medium text-bad')}>
                {formatBurnRate(tier.shortBurn)}
              </Td>
              <Td className="text-right tabular-nums">{Math.round(tier.shortEvents).toLocaleString('en')}</Td>
              <Td className="whitespace-nowrap">
                {!tier.enabled ? (
                  <Badge>off</Badge>
                ) : alert ? (
                  <Link href={`/alerts?alert=${alert.fingerprint}#alert-${alert.fingerprint}`} className="inline-flex">
                    <Badge tone={alert.state === 'firing' ? 'bad' : 'warn'}>{alert.state}</Badge>
                  </Link>
                ) : tier.lowTraffic && burning(tier.longBurn) ? (
                  <Badge tone="neutral" title="Burning, but the short window holds too few events to alert on">
                    low traffic
                  </Badge>
                ) : (
                  <Badge tone="ok">quiet</Badge>
                )}
              </Td>
            </tr>
          )
        })}
      </tbody>
    </Table>
  )
}

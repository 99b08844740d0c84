import type { Metadata } from 'next'
import Link from 'next/link'
import { Sparkline } from '@/components/charts/sparkline'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { Badge } from '@/components/ui/badge'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { Table, Td, Th } from '@/components/ui/table'
import { requirePermission } from '@/lib/auth/session'
import { formatPercent } from '@/lib/format/percent'
import { getReliabilityReport } from '@/lib/rollout/reliability-repository'
import { listTargets } from '@/lib/targets/repository'
import { BrokenTracesList } from './_components/broken-traces-card'

export const metadata: Metadata = { title: 'Trace reliability' }
export const dynamic = 'force-dynamic'

/** Worst offenders whose example broken traces are searched in Jaeger. */
const EXAMPLES = 3

export default async function ReliabilityPage() {
  await requirePermission('dashboard.read')
  const [report, targets] = await Promise.all([getReliabilityReport(), listTargets()])
  const goal = targets.find((target) => target.key === 'trace_reliability')?.goal ?? null
  const offenders = report.services.filter((service) => service.broken > 0).slice(0, EXAMPLES)
  const belowGoal = goal === null ? [] : report.services.filter((service) => service.reliability !== null && service.reliability < goal)
  return (
    <>
      <PageHeader
        title="Trace reliability"
        description={`Complete traces ÷ traces seen over the last ${report.days.length} days: ${formatPercent(report.fleet.reliability, 2)} fleet-wide (${report.fleet.complete.toLocaleString('en')} of ${report.fleet.traces.toLocaleString('en')}, each trace counted once under the service owning its root)${goal === null ? '' : `; goal ≥ ${formatPercent(goal, 1)}`}.`}
      />
      <PageBody>
        <Card>
          <CardBody className="text-sm text-muted">
            A trace is <strong className="text-foreground">whole</strong> when it has exactly one root span, no span whose parent is missing
            (an orphan: a hop that dropped the trace context, or spans lost on the way), no parent cycle, and no Jaeger warning of invalid
            or duplicate references. Clock skew (a child timed outside its parent) is shown beside it as a note about a host&apos;s clock:
            the trace itself arrived whole.{' '}
            <Link href="/rollout" className="text-accent hover:underline">
              Back to the board
            </Link>
          </CardBody>
        </Card>
        {offenders.length > 0 && (
          <div className="grid gap-4 lg:grid-cols-3">
            {offenders.map((service) => (
              <Card key={service.service}>
                <CardHeader
                  title={<span className="font-mono text-sm">{service.service}</span>}
                  description={`${formatPercent(service.reliability, 2)} whole: ${service.broken.toLocaleString('en')} broken of ${service.tracesSeen.toLocaleString('en')}; ${service.orphanSpans.toLocaleString('en')} orphan spans`}
                />
                <CardBody>
                  <h3 className="mb-2 text-xs font-medium text-muted">Recent broken traces (searched live in Jaeger)</h3>
                  <BrokenTracesList service={service.service} />
                </CardBody>
              </Card>
            ))}
          </div>
        )}
        <Card>
          <CardHeader
            title="By service, worst first"
            description={
              belowGoal.length
                ? `${belowGoal.length} of ${report.services.length} services below the goal`
                : 'Every service with traces meets the goal'
            }
          />
          <Table aria-label="Trace reliability by service">
            <thead>
              <tr>
                <Th>Service</Th>
                <Th className="text-right">Whole</Th>
                <Th className="text-right">Traces</Th>
                <Th className="text-right">Broken</Th>
                <Th className="text-right">Orphan spans</Th>
                <Th className="text-right">Clock-skewed spans (note)</Th>
                <Th>Daily</Th>
              </tr>
            </thead>
            <tbody>
              {report.services.map((service) => (
                <tr key={service.service} id={`service-${service.service}`}>
                  <Td>
                    <Link
                      href={`/services/${encodeURIComponent(service.service)}`}
                      className="font-mono text-xs font-medium text-accent hover:underline"
                    >
                      {service.service}
                    </Link>{' '}
                    {goal !== null && service.reliability !== null && service.reliability < goal && <Badge tone="warn">below goal</Badge>}
                  </Td>
                  <Td className="text-right tabular-nums">{formatPercent(service.reliability, 2)}</Td>
                  <Td className="text-right tabular-nums">{service.tracesSeen.toLocaleString('en')}</Td>
                  <Td className="text-right tabular-nums">{service.broken.toLocaleString('en')}</Td>
                  <Td className="text-right tabular-nums">{service.orphanSpans.toLocaleString('en')}</Td>
                  <Td className="text-right tabular-nums text-muted">{service.skewedSpans.toLocaleString('en')}</Td>
                  <Td>
                    <Sparkline
                      values={service.daily}
                      tone={goal !== null && service.reliability !== null && service.reliability < goal ? 'warn' : 'default'}
                      label={`${service.service}: daily share of whole traces, ${report.days[0]} to ${report.days.at(-1)}`}
                    />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      </PageBody>
    </>
  )
}

import { Gauge } from 'lucide-react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { OverheadHistoryChart } from '@/components/charts/overhead-history-chart'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { Badge } from '@/components/ui/badge'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { Table, Td, Th } from '@/components/ui/table'
import { can } from '@/lib/auth/permissions'
import { requirePermission } from '@/lib/auth/session'
import { formatDateTime } from '@/lib/format/date'
import { formatDeltaMs, formatLatencyMs } from '@/lib/format/latency-ms'
import { getOverheadOverview } from '@/lib/overhead/repository'
import type { OverheadMeasurement } from '@/lib/overhead/schemas'
import { listTargets } from '@/lib/targets/repository'
import { AddMeasurementForm } from './_components/add-measurement-form'
import { K6UploadForm } from './_components/k6-upload-form'

export const metadata: Metadata = { title: 'Tracing overhead' }

const METHOD_LABELS: Record<OverheadMeasurement['method'], string> = {
  load_test: 'load test',
  canary: 'canary',
  benchmark: 'benchmark',
  other: 'other',
}
/** "10.3 / 3,391 ms": tracing on, then off. */
const formatLatencyPair = (onMs: number, offMs: number) => `${formatLatencyMs(onMs).replace(' ms', '')} / ${formatLatencyMs(offMs)}`
const SOURCE_LABELS: Record<OverheadMeasurement['source'], string> = { form: 'entered', api: 'API', k6: 'k6 upload' }

export default async function OverheadPage() {
  const user = await requirePermission('dashboard.read')
  const [overview, targets] = await Promise.all([getOverheadOverview(), listTargets()])
  const target = targets.find((candidate) => candidate.key === 'tracing_overhead') ?? null
  const canAdd = can(user.role, 'incidents.write')
  const { fleet, services } = overview
  const measuredServices = services.filter((service) => service.history.length > 0)
  const nowUtc = overview.generatedAt.slice(0, 16)
  const met = target && fleet.averageMs !== null ? fleet.averageMs < target.goal : null

  return (
    <>
      <PageHeader
        title="Tracing overhead"
        description="Latency with tracing on minus off, per service, from load tests and canaries. The target is the mean over traced services of their latest measurement."
        actions={
          <Link href="/rollout" className="text-sm text-accent underline-offset-2 hover:underline">
            Rollout board
          </Link>
        }
      />
      <PageBody>
        {services.length === 0 ? (
          <EmptyState icon={Gauge} title="No services in the inventory yet">
            Overhead is measured per inventory service. <Link href="/settings/inventory">Load the inventory</Link> first.
          </EmptyState>
        ) : (
          <>
            <div className="grid gap-4 md:grid-cols-3">
              <Card className="p-5" data-testid="fleet-overhead">
                <p className="text-xs font-medium text-muted">Average overhead, traced services</p>
                <p className="mt-1 text-2xl font-semibold tabular-nums">
                  {fleet.averageMs === null ? 'No data' : formatDeltaMs(fleet.averageMs)}
                </p>
                <p className="mt-1 text-xs text-muted">
                  {target ? `target < ${target.goal} ms` : 'no target set'}
                  {met !== null && (
                    <Badge tone={met ? 'ok' : 'bad'} className="ml-2">
                      {met ? 'met' : 'not met'}
                    </Badge>
                  )}
                </p>
              </Card>
              <Card className="p-5">
                <p className="text-xs font-medium text-muted">Traced services measured</p>
                <p className="mt-1 text-2xl font-semibold tabular-nums">
                  {fleet.measured} of {fleet.traced}
                </p>
                <p className="mt-1 text-xs text-muted">services with spans in the last 24 h</p>
              </Card>
              <Card className="p-5" data-testid="unmeasured-services">
                <p className="text-xs font-medium text-muted">Traced, never measured</p>
                <p className={`mt-1 text-2xl font-semibold tabular-nums ${fleet.unmeasured.length ? 'text-warn' : ''}`}>
                  {fleet.unmeasured.length}
                </p>
                <p className="mt-1 text-xs text-muted">
                  {fleet.unmeasured.length
                    ? `Not in the average: ${fleet.unmeasured.slice(0, 4).join(', ')}${fleet.unmeasured.length > 4 ? ` and ${fleet.unmeasured.length - 4} more` : ''}`
                    : 'every traced service is in the average'}
                </p>
              </Card>
            </div>

            <Card>
              <CardHeader
                title="Latest measurement per service"
                description="Times in UTC. Overhead: mean on − off when both means were measured, else p50 on − off."
              />
              <Table aria-label="Latest overhead per service">
                <thead>
                  <tr>
                    <Th>Service</Th>
                    <Th className="text-right">Overhead</Th>
                    <Th className="text-right">p50 on / off</Th>
                    <Th className="text-right">p95 on / off</Th>
                    <Th className="text-right">Requests on / off</Th>
                    <Th>Method · environment</Th>
                    <Th>Measured · source</Th>
                  </tr>
                </thead>
                <tbody>
                  {services.map(({ service, traced, latest }) => (
                    <tr key={service} data-testid={`overhead-row-${service}`}>
                      <Td className="font-medium whitespace-nowrap">
                        <Link href={`/services/${encodeURIComponent(service)}`} className="hover:text-accent hover:underline">
                          {service}
                        </Link>
                        {!traced && <Badge className="ml-2">not traced</Badge>}
                      </Td>
                      {latest ? (
                        <>
                          <Td className="text-right font-semibold whitespace-nowrap tabular-nums">{formatDeltaMs(latest.overheadMs)}</Td>
                          <Td className="text-right whitespace-nowrap tabular-nums">
                            {formatLatencyPair(latest.p50OnMs, latest.p50OffMs)}
                          </Td>
                          <Td className="text-right whitespace-nowrap tabular-nums">
                            {formatLatencyPair(latest.p95OnMs, latest.p95OffMs)}
                          </Td>
                          <Td className="text-right whitespace-nowrap tabular-nums">
                            {latest.samplesOn.toLocaleString('en')} / {latest.samplesOff.toLocaleString('en')}
                          </Td>
                          <Td className="text-xs">
                            {METHOD_LABELS[latest.method]}
                            <span className="block text-muted">{latest.environment}</span>
                          </Td>
                          <Td className="text-xs">
                            <span className="whitespace-nowrap">{formatDateTime(new Date(latest.measuredAt))}</span>
                            <span className="block text-muted">
                              {SOURCE_LABELS[latest.source]}
                              {latest.recordedBy && ` · ${latest.recordedBy}`}
                            </span>
                          </Td>
                        </>
                      ) : (
                        <Td colSpan={6}>
                          <Badge tone={traced ? 'warn' : 'neutral'}>
                            {traced ? 'traced, no measurement: not in the average' : 'no measurement'}
                          </Badge>
                        </Td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </Table>
            </Card>

            <section aria-labelledby="overhead-history" className="space-y-3">
              <h2 id="overhead-history" className="text-sm font-semibold">
                History per service
              </h2>
              {measuredServices.length ? (
                <div className="grid gap-4 lg:grid-cols-2">
                  {measuredServices.map(({ service, history }) => (
                    <Card key={service}>
                      <CardHeader
                        title={service}
                        description={`${history.length} ${history.length === 1 ? 'measurement' : 'measurements'}`}
                      />
                      <CardBody>
                        <OverheadHistoryChart
                          service={service}
                          targetMs={target?.goal ?? null}
                          points={history.map((measurement) => ({
                            measuredAtUs: Date.parse(measurement.measuredAt) * 1000,
                            overheadMs: measurement.overheadMs,
                            p95DeltaMs: measurement.p95OnMs - measurement.p95OffMs,
                            environment: measurement.environment,
                          }))}
                        />
                      </CardBody>
                    </Card>
                  ))}
                </div>
              ) : (
                <p className="text-sm text-muted">No measurements yet.</p>
              )}
            </section>

            {canAdd ? (
              <div className="grid gap-6 xl:grid-cols-2">
                <Card>
                  <CardHeader title="Add measurement" description="Figures from any load test or canary, in ms." />
                  <CardBody>
                    <AddMeasurementForm services={services.map((service) => service.service)} nowUtc={nowUtc} />
                  </CardBody>
                </Card>
                <Card>
                  <CardHeader
                    title="Upload k6 summaries"
                    description="One run with tracing on, one with it off; check the figures before saving."
                  />
                  <CardBody>
                    <K6UploadForm services={services.map((service) => service.service)} nowUtc={nowUtc} />
                  </CardBody>
                </Card>
              </div>
            ) : (
              <p className="text-sm text-muted">Engineers, managers and admins may add measurements; ask one of them.</p>
            )}
          </>
        )}
      </PageBody>
    </>
  )
}

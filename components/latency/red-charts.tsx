'use client'

import { BarChart3 } from 'lucide-react'
import { ErrorRateChart } from '@/components/charts/error-rate-chart'
import { LatencyChart } from '@/components/charts/latency-chart'
import { RateChart } from '@/components/charts/rate-chart'
import { useSearchParamsUpdate } from '@/components/shell/use-search-params-update'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { computeErrorSeries, computeRateSeries } from '@/lib/latency/latency-view'
import type { LatencySummary, LatencyVerdict, ServiceView } from '@/lib/latency/schemas'
import { fromMicros } from '@/lib/time/micros'
import { deploymentChartMarkers } from './deployment-chart-markers'

type Props = Pick<ServiceView, 'series' | 'band' | 'range' | 'deploymentMarkers'> & {
  summary: LatencySummary
  verdict: LatencyVerdict | null
  subject: string
  syncId: string
}

function bandNote(verdict: LatencyVerdict | null) {
  if (!verdict) return 'No baseline yet: the worker has not judged this yet.'
  if (verdict.baselineKind === null) return `No baseline band yet: ${verdict.insufficientReason ?? 'not enough history'}.`
  return `Shaded: the ${verdict.baselineKind === 'seasonal' ? 'hour-of-day' : 'trailing'} baseline p95 band (centre ± 3 spreads). Drag across the chart to zoom in.`
}

/** Latency (p50/p95/p99 over the baseline band), throughput and error rate, crosshairs in step; the deployments that started in the range marked on each. */
export function RedCharts({ series, band, range, deploymentMarkers, summary, verdict, subject, syncId }: Props) {
  const update = useSearchParamsUpdate()
  const zoom = (startUs: number, endUs: number) =>
    update({ range: null, from: fromMicros(startUs).toISOString(), to: fromMicros(endUs).toISOString() }, { push: true })
  if (summary.count === 0) {
    return (
      <EmptyState icon={BarChart3} title="No spans in this range">
        {subject} has no spans in {range.label.toLowerCase()}. Pick a longer range; if it should be busy, check that its SDK still exports
        to Jaeger.
      </EmptyState>
    )
  }
  const markers = deploymentChartMarkers(deploymentMarkers, range)
  const common = { startUs: range.startUs, endUs: range.endUs, stepUs: range.stepUs, syncId, markers }
  const stepLabel = `${Math.round(range.stepUs / 60_000_000)}-minute steps`
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card className="lg:col-span-2">
        <CardHeader
          title="Latency"
          description={`${subject}: p50, p95 and p99 per ${stepLabel.replace('steps', 'step')}. ${bandNote(verdict)}${markers.length ? ' Dashed lines: deployments, coloured by verdict; their flags open them.' : ''}`}
        />
        <CardBody>
          <LatencyChart points={series} band={band} {...common} height={260} onSelectRange={zoom} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="Throughput"
          description={summary.estimated ? 'Requests per minute, estimated from sampled spans' : 'Spans per minute'}
        />
        <CardBody>
          <RateChart series={computeRateSeries(series, range.stepUs)} unit="req/min" estimated={summary.estimated} {...common} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Error rate" description="Share of spans with an error status" />
        <CardBody>
          <ErrorRateChart series={computeErrorSeries(series)} {...common} />
        </CardBody>
      </Card>
    </div>
  )
}

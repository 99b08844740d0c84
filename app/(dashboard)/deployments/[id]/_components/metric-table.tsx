import { VerdictBadge } from '@/components/canary/verdict-badge'
import { Badge } from '@/components/ui/badge'
import { Table, Td, Th } from '@/components/ui/table'
import { cn } from '@/lib/cn'
import type { CanaryMetric } from '@/lib/canary/canary-judge'
import { CANARY_METRIC_LABELS, formatCanaryChange, formatCanaryFigure, formatCanaryPValue } from '@/lib/canary/format-canary'

/** Each metric the judge compared: both versions' figures, the change, the test's p-value and the result. */
export function MetricTable({
  metrics,
  canaryVersion,
  baselineVersion,
}: {
  metrics: CanaryMetric[]
  canaryVersion: string
  baselineVersion: string
}) {
  return (
    <Table aria-label="Metrics, canary against baseline" className="[&_td]:px-3 [&_th]:px-3">
      <thead>
        <tr>
          <Th>Metric</Th>
          <Th className="text-right">
            Canary <span className="font-mono normal-case">{canaryVersion}</span>
          </Th>
          <Th className="text-right">
            Baseline <span className="font-mono normal-case">{baselineVersion}</span>
          </Th>
          <Th className="text-right">Change</Th>
          <Th className="text-right">p-value</Th>
          <Th>Result</Th>
        </tr>
      </thead>
      <tbody>
        {metrics.map((metric) => (
          <tr key={metric.metric} data-metric={metric.metric} className={cn(metric.result === 'fail' && 'bg-bad-soft/40')}>
            <Td className="max-w-96">
              <span className="font-medium">{CANARY_METRIC_LABELS[metric.metric]}</span>
              <span className="mt-0.5 block text-xs text-muted">{metric.reason}</span>
            </Td>
            <Td className="text-right whitespace-nowrap tabular-nums">{formatCanaryFigure(metric, metric.canary)}</Td>
            <Td className="text-right whitespace-nowrap tabular-nums">{formatCanaryFigure(metric, metric.baseline)}</Td>
            <Td
              className={cn(
                'text-right whitespace-nowrap tabular-nums',
                metric.result === 'fail' && 'font-medium text-bad',
                metric.result === 'marginal' && 'text-warn',
              )}
            >
              {formatCanaryChange(metric)}
            </Td>
            <Td className="text-right whitespace-nowrap tabular-nums">{formatCanaryPValue(metric.pValue)}</Td>
            <Td className="whitespace-nowrap">
              {metric.result === 'info' ? (
                <Badge title="Shown for information, never judged">Info</Badge>
              ) : (
                <VerdictBadge verdict={metric.result} />
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}

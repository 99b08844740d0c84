import Link from 'next/link'
import { Table, Td, Th } from '@/components/ui/table'
import { cn } from '@/lib/cn'
import { hasMoreErrors, isSlowerOperation, SLOWER_OPERATION_RATIO } from '@/lib/canary/deployment-detail'
import type { OperationDifference } from '@/lib/canary/deployment-read-repository'
import { formatErrorRateChange, formatP95Ratio } from '@/lib/canary/format-canary'
import { formatDurationUs } from '@/lib/format/duration-us'

const p95 = (us: number | null) => (us === null ? '—' : formatDurationUs(us))
const count = (value: number) => value.toLocaleString('en')

/** Each operation of both versions over the minutes they shared, worst first; a p95 ratio of SLOWER_OPERATION_RATIO or more is marked. */
export function OperationTable({ service, differences }: { service: string; differences: OperationDifference[] }) {
  return (
    <Table aria-label="Operations, canary against baseline" className="[&_td]:px-3 [&_th]:px-3">
      <thead>
        <tr>
          <Th>Operation</Th>
          <Th>Kind</Th>
          <Th className="text-right">Canary p95</Th>
          <Th className="text-right">Baseline p95</Th>
          <Th className="text-right">Ratio</Th>
          <Th className="text-right">Error-rate change</Th>
          <Th className="text-right">Spans (canary / baseline)</Th>
        </tr>
      </thead>
      <tbody>
        {differences.map((difference) => {
          const slower = isSlowerOperation(difference)
          const errorsUp = hasMoreErrors(difference)
          return (
            <tr
              key={`${difference.operation}\u0000${difference.spanKind}`}
              data-operation={difference.operation}
              data-slower={slower || undefined}
              className={cn('hover:bg-surface-muted/60', slower && 'bg-bad-soft/40')}
            >
              <Td className="max-w-96 truncate">
                <Link
                  href={`/services/${encodeURIComponent(service)}/${encodeURIComponent(difference.operation)}?${new URLSearchParams({ kind: difference.spanKind })}`}
                  className="text-foreground hover:text-accent hover:underline"
                  title={difference.operation}
                >
                  {difference.operation}
                </Link>
              </Td>
              <Td className="text-xs text-muted">{difference.spanKind}</Td>
              <Td className="text-right whitespace-nowrap tabular-nums">{p95(difference.canary.p95Us)}</Td>
              <Td className="text-right whitespace-nowrap tabular-nums">{p95(difference.baseline.p95Us)}</Td>
              <Td className={cn('text-right whitespace-nowrap tabular-nums', slower && 'font-semibold text-bad')}>
                {formatP95Ratio(difference.p95Ratio)}
                {slower && <span className="sr-only"> (flagged: ×{SLOWER_OPERATION_RATIO} or more)</span>}
              </Td>
              <Td className={cn('text-right whitespace-nowrap tabular-nums', errorsUp && 'font-medium text-bad')}>
                {formatErrorRateChange(difference.errorRateDifference)}
              </Td>
              <Td className="text-right whitespace-nowrap tabular-nums text-muted">
                {count(difference.canary.spans)} / {count(difference.baseline.spans)}
              </Td>
            </tr>
          )
        })}
      </tbody>
    </Table>
  )
}

import Link from 'next/link'
import { LatencyVerdictBadge } from '@/components/latency/latency-verdict-badge'
import { P95VersusBaseline } from '@/components/latency/p95-versus-baseline'
import { operationHref } from '@/components/time-range/range-link'
import { Card, CardHeader } from '@/components/ui/card'
import { Table, Td, Th } from '@/components/ui/table'
import { cn } from '@/lib/cn'
import { formatDurationUs } from '@/lib/format/duration-us'
import { sortOperationRows } from '@/lib/latency/latency-view'
import type { OperationRow } from '@/lib/latency/schemas'
import type { TimeRange } from '@/lib/time-range/time-range'
import { formatPercent } from '@/lib/format/percent'

const duration = (us: number | null) => (us === null ? '—' : formatDurationUs(us))

/** Every operation of the service over the range, slow ones first. */
export function OperationsTable({
  service,
  operations,
  range,
  nowUs,
}: {
  service: string
  operations: OperationRow[]
  range: TimeRange
  nowUs: number
}) {
  const rows = sortOperationRows(operations)
  const slow = rows.filter((row) => row.verdict?.state === 'slow').length
  return (
    <Card>
      <CardHeader
        title="Operations"
        description={`${rows.length} operations in ${range.label.toLowerCase()}${slow ? ` · ${slow} slow against their baseline` : ''}. Server and consumer spans are requests; client spans are calls out.`}
      />
      <Table aria-label="Operations">
        <thead>
          <tr>
            <Th>Operation</Th>
            <Th>Kind</Th>
            <Th>Verdict</Th>
            <Th className="text-right">Per min</Th>
            <Th className="text-right">Errors</Th>
            <Th className="text-right">p50</Th>
            <Th>p95 vs baseline</Th>
            <Th className="text-right">p99</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={`${row.operation} ${row.spanKind}`}
              data-operation={row.operation}
              className={cn('hover:bg-surface-muted/60', row.verdict?.state === 'slow' && 'bg-bad-soft/40')}
            >
              <Td className="max-w-md">
                <Link
                  href={operationHref(service, row.operation, row.spanKind, range)}
                  className="font-medium break-words text-foreground hover:text-accent hover:underline"
                >
                  {row.operation}
                </Link>
              </Td>
              <Td className="text-xs text-muted">{row.spanKind}</Td>
              <Td className="whitespace-nowrap">
                <LatencyVerdictBadge verdict={row.verdict} nowUs={nowUs} />
              </Td>
              <Td className="text-right tabular-nums">
                {row.summary.estimatedPerMinute.toFixed(row.summary.estimatedPerMinute >= 10 ? 1 : 2)}
                {row.summary.estimated && <span className="ml-1 text-xs text-muted">est.</span>}
              </Td>
              <Td className={cn('text-right tabular-nums', (row.summary.errorRatio ?? 0) >= 0.05 && 'text-warn')}>
                {formatPercent(row.summary.errorRatio, 2)}
              </Td>
              <Td className="text-right tabular-nums">{duration(row.summary.p50Us)}</Td>
              <Td className="whitespace-nowrap">
                <P95VersusBaseline summary={row.summary} verdict={row.verdict} />
              </Td>
              <Td className="text-right tabular-nums">{duration(row.summary.p99Us)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  )
}

import { Badge } from '@/components/ui/badge'
import { Table, Td, Th } from '@/components/ui/table'
import { formatBudget, formatSli } from '@/lib/slo/format-slo'
import type { MonthCompliance } from '@/lib/slo/slo-history'

export function ComplianceTable({ months }: { months: MonthCompliance[] }) {
  return (
    <Table aria-label="Monthly compliance">
      <thead>
        <tr>
          <Th>Month</Th>
          <Th className="text-right">SLI</Th>
          <Th>Objective</Th>
          <Th className="text-right">Budget left</Th>
        </tr>
      </thead>
      <tbody>
        {months.map((month) => (
          <tr key={month.label}>
            <Td className="whitespace-nowrap tabular-nums">
              {month.label}
              {month.partial && <span className="ml-2 text-xs text-muted">(partial)</span>}
            </Td>
            <Td className="text-right tabular-nums">{formatSli(month.sli)}</Td>
            <Td>
              {month.met === null ? <Badge>no data</Badge> : month.met ? <Badge tone="ok">met</Badge> : <Badge tone="bad">missed</Badge>}
            </Td>
            <Td className="text-right tabular-nums">{month.sli === null ? '—' : formatBudget(month.remaining)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}

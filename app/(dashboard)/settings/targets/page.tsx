import type { Metadata } from 'next'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { Card } from '@/components/ui/card'
import { Table, Td, Th } from '@/components/ui/table'
import { requirePermission } from '@/lib/auth/session'
import { formatDate } from '@/lib/format/date'
import { countInventory } from '@/lib/inventory/repository'
import { TARGET_METHOD } from '@/lib/targets/descriptions'
import { formatGoal } from '@/lib/targets/format-goal'
import { listTargets } from '@/lib/targets/repository'

export const metadata: Metadata = { title: 'Week-2 targets' }

export default async function TargetsPage() {
  await requirePermission('dashboard.read')
  const [targets, counts] = await Promise.all([listTargets(), countInventory()])
  return (
    <>
      <PageHeader title="Week-2 targets" description="The goals the overview scorecard measures against" />
      <PageBody>
        <Card>
          <Table aria-label="Week-2 targets">
            <thead>
              <tr>
                <Th>Target</Th>
                <Th>Goal</Th>
                <Th>Due</Th>
                <Th>How it is computed</Th>
              </tr>
            </thead>
            <tbody>
              {targets.map((target) => (
                <tr key={target.key}>
                  <Td className="font-medium">{target.label}</Td>
                  <Td className="whitespace-nowrap">{formatGoal(target, counts.inventory)}</Td>
                  <Td className="whitespace-nowrap text-muted">{target.dueDate ? formatDate(target.dueDate) : '—'}</Td>
                  <Td className="text-xs text-muted">{TARGET_METHOD[target.key]}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      </PageBody>
    </>
  )
}

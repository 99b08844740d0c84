import { Boxes } from 'lucide-react'
import type { Metadata } from 'next'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { Badge } from '@/components/ui/badge'
import { Card } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { Table, Td, Th } from '@/components/ui/table'
import { requirePermission } from '@/lib/auth/session'
import { formatDay } from '@/lib/format/date'
import { listInventory } from '@/lib/inventory/repository'

export const metadata: Metadata = { title: 'Service inventory' }

export default async function InventoryPage() {
  await requirePermission('dashboard.read')
  const services = await listInventory()
  const inventoryCount = services.filter((service) => service.origin === 'inventory').length
  return (
    <>
      <PageHeader title="Service inventory" description={`${inventoryCount} services expected to be traced, by rollout wave`} />
      <PageBody>
        {services.length === 0 ? (
          <EmptyState icon={Boxes} title="The inventory is empty">
            Seed it from a catalog file; in demo mode it is seeded from the demo fleet.
          </EmptyState>
        ) : (
          <Card>
            <Table aria-label="Service inventory">
              <thead>
                <tr>
                  <Th>Service</Th>
                  <Th>Team</Th>
                  <Th>Owner</Th>
                  <Th className="text-right">Tier</Th>
                  <Th className="text-right">Wave</Th>
                  <Th>Planned</Th>
                  <Th className="text-right">Expected operations</Th>
                </tr>
              </thead>
              <tbody>
                {services.map((service) => (
                  <tr key={service.name}>
                    <Td className="font-mono text-xs font-medium">
                      {service.name} {service.origin === 'discovered' && <Badge tone="accent">discovered</Badge>}
                    </Td>
                    <Td>{service.team ?? '—'}</Td>
                    <Td className="text-muted">{service.owner ?? '—'}</Td>
                    <Td className="text-right">{service.tier ?? '—'}</Td>
                    <Td className="text-right">{service.rolloutWave ?? '—'}</Td>
                    <Td className="whitespace-nowrap">{service.plannedDate ? formatDay(service.plannedDate) : '—'}</Td>
                    <Td className="text-right">{service.expectedOperations.length}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </Card>
        )}
      </PageBody>
    </>
  )
}

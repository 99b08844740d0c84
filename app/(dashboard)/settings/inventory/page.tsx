import { Boxes } from 'lucide-react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { z } from 'zod'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { Badge } from '@/components/ui/badge'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { Table, Td, Th } from '@/components/ui/table'
import { can } from '@/lib/auth/permissions'
import { requirePermission } from '@/lib/auth/session'
import { formatDay } from '@/lib/format/date'
import { listInventory, type InventoryService } from '@/lib/inventory/repository'
import { serviceNameSchema } from '@/lib/inventory/schemas'
import { AdoptRow } from './_components/adopt-row'
import { FileFormatsHelp } from './_components/file-formats-help'
import { ImportCatalog } from './_components/import-catalog'
import { RetireButton } from './_components/retire-button'
import { ServiceForm, type ServiceFormValues } from './_components/service-form'

export const metadata: Metadata = { title: 'Service inventory' }

/** `?edit=<service>` opens that service's form (admins). */
const inventoryQuery = z.object({ edit: serviceNameSchema.optional().catch(undefined) })

const link = 'text-accent underline-offset-2 hover:underline'
const day = (date: Date | null) => (date ? formatDay(date) : '—')
const waveTitle = (wave: number | null) => (wave === null ? 'No wave yet' : wave === 0 ? 'Wave 0 · pilot' : `Wave ${wave}`)

const formValues = (service: InventoryService): ServiceFormValues => ({
  serviceName: service.name,
  team: service.team,
  owner: service.owner,
  tier: service.tier,
  rolloutWave: service.rolloutWave,
  plannedDate: service.plannedDate?.toISOString().slice(0, 10) ?? null,
  expectedOperations: service.expectedOperations,
  lifecycle: service.lifecycle,
  system: service.system,
})

export default async function InventoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('dashboard.read')
  const admin = can(user.role, 'inventory.write')
  const query = inventoryQuery.parse(await searchParams)
  const services = await listInventory()
  const active = services.filter((service) => service.origin === 'inventory' && !service.retiredAt)
  const retired = services.filter((service) => service.origin === 'inventory' && service.retiredAt)
  const discovered = services.filter((service) => service.origin === 'discovered')
  const waves = [...new Set(active.map((service) => service.rolloutWave))].sort((a, b) => (a ?? Infinity) - (b ?? Infinity))
  const editing =
    admin && query.edit ? services.find((service) => service.name === query.edit && service.origin === 'inventory') : undefined

  return (
    <>
      <PageHeader
        title="Service inventory"
        description={`${active.length} services expected to be traced, by rollout wave · ${discovered.length} discovered in Jaeger · ${retired.length} retired`}
        actions={
          can(user.role, 'audit.read') && (
            <Link href="/settings/audit?action=inventory." className={`text-sm ${link}`}>
              Changes in the audit log
            </Link>
          )
        }
      />
      <PageBody>
        {!admin && (
          <p className="text-sm text-muted" data-testid="read-only-note">
            Read only: admins import, add, edit, adopt and retire services.
          </p>
        )}
        {editing && (
          <Card data-testid="edit-service">
            <CardHeader
              title={`Edit ${editing.name}`}
              description="A blank field clears it."
              action={
                <Link href="/settings/inventory" className={`text-sm ${link}`}>
                  Done
                </Link>
              }
            />
            <CardBody>
              <ServiceForm key={editing.name} service={formValues(editing)} />
            </CardBody>
          </Card>
        )}

        {active.length === 0 ? (
          <EmptyState icon={Boxes} title="The inventory is empty">
            {admin ? 'Import a catalog file or add services below.' : 'An admin imports it from a catalog file.'}
          </EmptyState>
        ) : (
          waves.map((wave) => {
            const inWave = active.filter((service) => service.rolloutWave === wave)
            return (
              <Card key={wave ?? 'none'} data-testid={`wave-${wave ?? 'none'}`}>
                <CardHeader title={waveTitle(wave)} description={`${inWave.length} ${inWave.length === 1 ? 'service' : 'services'}`} />
                <InventoryTable label={waveTitle(wave)} services={inWave} admin={admin} />
              </Card>
            )
          })
        )}

        <Card data-testid="discovered">
          <CardHeader
            title="Discovered in Jaeger"
            description="Services that send spans but are not in the inventory. Adopt one to track its rollout."
          />
          {discovered.length === 0 ? (
            <CardBody className="text-sm text-muted">Every service Jaeger knows is in the inventory.</CardBody>
          ) : (
            <Table aria-label="Discovered in Jaeger">
              <thead>
                <tr>
                  <Th>Service</Th>
                  <Th>First seen</Th>
                  {admin && (
                    <>
                      <Th>Team</Th>
                      <Th>Wave</Th>
                      <Th>Planned</Th>
                      <Th>
                        <span className="sr-only">Adopt</span>
                      </Th>
                    </>
                  )}
                </tr>
              </thead>
              <tbody>
                {discovered.map((service) =>
                  admin ? (
                    <AdoptRow key={service.name} serviceName={service.name} firstSeen={day(service.discoveredAt)} />
                  ) : (
                    <tr key={service.name} data-testid={`discovered-${service.name}`}>
                      <Td className="font-mono text-xs font-medium whitespace-nowrap">{service.name}</Td>
                      <Td className="text-muted">{day(service.discoveredAt)}</Td>
                    </tr>
                  ),
                )}
              </tbody>
            </Table>
          )}
        </Card>

        {retired.length > 0 && (
          <details className="rounded-lg border border-border bg-surface" data-testid="retired">
            <summary className="cursor-pointer px-5 py-4 text-sm font-semibold">
              Retired services ({retired.length}){' '}
              <span className="font-normal text-muted">· kept with their history, out of the rollout</span>
            </summary>
            <div className="border-t border-border">
              <InventoryTable label="Retired services" services={retired} admin={admin} />
            </div>
          </details>
        )}

        {admin && (
          <>
            <Card data-testid="import">
              <CardHeader
                title="Import a catalog"
                description="Our YAML or CSV, or Backstage catalog-info.yaml. See what changes before anything is written."
              />
              <CardBody>
                <ImportCatalog />
              </CardBody>
            </Card>
            <Card data-testid="add-service">
              <CardHeader title="Add a service" description="Only the Jaeger service name is required." />
              <CardBody>
                <ServiceForm />
              </CardBody>
            </Card>
          </>
        )}
        <FileFormatsHelp />
      </PageBody>
    </>
  )
}

function InventoryTable({ label, services, admin }: { label: string; services: InventoryService[]; admin: boolean }) {
  return (
    // Fixed columns: every wave's table lines up with the others.
    <Table aria-label={label} className="min-w-[1080px] table-fixed">
      <thead>
        <tr>
          <Th className="w-[19%]">Service</Th>
          <Th className="w-[12%]">Team</Th>
          <Th className="w-[19%]">Owner</Th>
          <Th className="w-[5%] text-right">Tier</Th>
          <Th className="w-[8%]">Planned</Th>
          <Th className="w-[8%] text-right">Expected ops</Th>
          <Th className="w-[13%]">Lifecycle · system</Th>
          <Th className="w-[8%]">{services.some((service) => service.retiredAt) ? 'Retired' : 'Go-live'}</Th>
          {admin && (
            <Th className="w-[140px]">
              <span className="sr-only">Actions</span>
            </Th>
          )}
        </tr>
      </thead>
      <tbody>
        {services.map((service) => (
          <tr key={service.name} data-testid={`service-${service.name}`}>
            <Td className="font-mono text-xs font-medium break-words">
              {service.name}
              {service.catalogName && service.catalogName !== service.name && (
                <span className="block font-sans font-normal text-muted">catalog: {service.catalogName}</span>
              )}
            </Td>
            <Td>{service.team ?? '—'}</Td>
            <Td className="truncate text-muted" title={service.owner ?? undefined}>
              {service.owner ?? '—'}
            </Td>
            <Td className="text-right">{service.tier ?? '—'}</Td>
            <Td className="whitespace-nowrap">{day(service.plannedDate)}</Td>
            <Td className="text-right" title={service.expectedOperations.join('\n') || undefined}>
              {service.expectedOperations.length}
            </Td>
            <Td className="text-muted">{[service.lifecycle, service.system].filter(Boolean).join(' · ') || '—'}</Td>
            <Td className="whitespace-nowrap">
              {service.retiredAt ? (
                day(service.retiredAt)
              ) : service.goLiveAt ? (
                day(service.goLiveAt)
              ) : (
                <Badge tone="neutral">not yet</Badge>
              )}
            </Td>
            {admin && (
              <Td>
                <div className="flex items-center justify-end gap-2">
                  {!service.retiredAt && (
                    <Link
                      href={`/settings/inventory?edit=${encodeURIComponent(service.name)}`}
                      className={`text-xs ${link}`}
                      aria-label={`Edit ${service.name}`}
                    >
                      Edit
                    </Link>
                  )}
                  <RetireButton serviceName={service.name} retired={service.retiredAt !== null} />
                </div>
              </Td>
            )}
          </tr>
        ))}
      </tbody>
    </Table>
  )
}

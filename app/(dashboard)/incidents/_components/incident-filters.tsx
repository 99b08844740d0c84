import Link from 'next/link'
import { Button } from '@/components/ui/button'
import { Select } from '@/components/ui/field'
import type { IncidentListQuery } from '@/lib/incidents/schemas'

/** A plain GET form: the filters live in the URL, so links and back/forward reproduce the list. */
export function IncidentFilters({
  query,
  services,
}: {
  query: IncidentListQuery
  services: readonly { name: string; inInventory: boolean }[]
}) {
  return (
    <form method="get" action="/incidents" className="flex flex-wrap items-end gap-3 px-5 py-3" aria-label="Filter incidents">
      <label className="space-y-1 text-xs font-medium">
        <span className="block">Service</span>
        <Select name="service" defaultValue={query.service ?? ''} className="w-52">
          <option value="">all services</option>
          {services.map((service) => (
            <option key={service.name} value={service.name}>
              {service.name}
              {service.inInventory ? '' : ' (unmatched)'}
            </option>
          ))}
        </Select>
      </label>
      <label className="space-y-1 text-xs font-medium">
        <span className="block">Go-live</span>
        <Select name="cohort" defaultValue={query.cohort ?? ''} className="w-40">
          <option value="">before and after</option>
          <option value="before">before go-live</option>
          <option value="after">after go-live</option>
        </Select>
      </label>
      <label className="space-y-1 text-xs font-medium">
        <span className="block">Status</span>
        <Select name="status" defaultValue={query.status ?? ''} className="w-36">
          <option value="">all</option>
          <option value="resolved">resolved</option>
          <option value="open">open</option>
        </Select>
      </label>
      <Button type="submit" variant="secondary" size="sm" className="h-9">
        Apply
      </Button>
      {(query.service || query.cohort || query.status) && (
        <Link href="/incidents" className="pb-2 text-xs text-accent hover:underline">
          Clear filters
        </Link>
      )}
    </form>
  )
}

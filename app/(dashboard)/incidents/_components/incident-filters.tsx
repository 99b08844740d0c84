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
      <div className="space-y-1">
        <label htmlFor="filter-service" className="block text-xs font-medium">
          Service
        </label>
        <Select id="filter-service" name="service" defaultValue={query.service ?? ''} className="w-52">
          <option value="">all services</option>
          {services.map((service) => (
            <option key={service.name} value={service.name}>
              {service.name}
              {service.inInventory ? '' : ' (unmatched)'}
            </option>
          ))}
        </Select>
      </div>
      <div className="space-y-1">
        <label htmlFor="filter-cohort" className="block text-xs font-medium">
          Go-live
        </label>
        <Select id="filter-cohort" name="cohort" defaultValue={query.cohort ?? ''} className="w-48">
          <option value="">before and after</option>
          <option value="before">before go-live</option>
          <option value="after">after go-live</option>
        </Select>
      </div>
      <div className="space-y-1">
        <label htmlFor="filter-status" className="block text-xs font-medium">
          Status
        </label>
        <Select id="filter-status" name="status" defaultValue={query.status ?? ''} className="w-36">
          <option value="">all</option>
          <option value="resolved">resolved</option>
          <option value="open">open</option>
        </Select>
      </div>
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

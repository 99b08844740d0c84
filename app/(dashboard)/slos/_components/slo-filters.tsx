import Link from 'next/link'
import { Button } from '@/components/ui/button'
import { Input, Select } from '@/components/ui/field'
import { SLO_HEALTH_LABELS, SLO_HEALTHS } from '@/lib/slo/slo-health'
import type { SloListParams } from '@/lib/slo/slo-list'

/** A plain GET form: filters land in the URL, so a filtered view is a link (and works without JavaScript). */
export function SloFilters({
  params,
  services,
  shown,
  total,
}: {
  params: SloListParams
  services: string[]
  shown: number
  total: number
}) {
  const filtered = Boolean(params.q || params.health || params.service)
  return (
    <form
      method="get"
      action="/slos"
      className="flex flex-wrap items-end gap-3 border-b border-border px-5 py-3"
      role="search"
      aria-label="Filter SLOs"
    >
      {params.sort !== 'health' && <input type="hidden" name="sort" value={params.sort} />}
      {params.dir && <input type="hidden" name="dir" value={params.dir} />}
      <label className="space-y-1 text-xs font-medium">
        <span className="block">Search</span>
        <Input name="q" defaultValue={params.q ?? ''} placeholder="name, service, operation" className="w-56" />
      </label>
      <label className="space-y-1 text-xs font-medium">
        <span className="block">Status</span>
        <Select name="health" defaultValue={params.health ?? ''} className="w-40">
          <option value="">Any</option>
          {SLO_HEALTHS.map((health) => (
            <option key={health} value={health}>
              {SLO_HEALTH_LABELS[health]}
            </option>
          ))}
        </Select>
      </label>
      <label className="space-y-1 text-xs font-medium">
        <span className="block">Service</span>
        <Select name="service" defaultValue={params.service ?? ''} className="w-52">
          <option value="">Any</option>
          {services.map((service) => (
            <option key={service} value={service}>
              {service}
            </option>
          ))}
        </Select>
      </label>
      <Button type="submit" variant="secondary">
        Filter
      </Button>
      {filtered && (
        <Link href="/slos" className="pb-2 text-sm text-accent underline-offset-2 hover:underline">
          Clear
        </Link>
      )}
      <p className="ml-auto pb-2 text-xs text-muted" aria-live="polite">
        {filtered ? `${shown} of ${total} shown` : `${total} SLO${total === 1 ? '' : 's'}`}
      </p>
    </form>
  )
}

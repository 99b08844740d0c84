import { Input } from '@/components/ui/field'
import { FilterForm, FilterSelect } from '@/components/ui/filter-form'
import { SLO_HEALTH_LABELS, SLO_HEALTHS } from '@/lib/slo/slo-health'
import type { SloListParams } from '@/lib/slo/slo-list'

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
    <FilterForm
      action="/slos"
      label="Filter SLOs"
      filtered={filtered}
      summary={filtered ? `${shown} of ${total} shown` : `${total} SLO${total === 1 ? '' : 's'}`}
    >
      {params.sort !== 'health' && <input type="hidden" name="sort" value={params.sort} />}
      {params.dir && <input type="hidden" name="dir" value={params.dir} />}
      <label className="space-y-1 text-xs font-medium">
        <span className="block">Search</span>
        <Input name="q" defaultValue={params.q ?? ''} placeholder="name, service, operation" className="w-56" />
      </label>
      <FilterSelect
        label="Status"
        name="health"
        value={params.health}
        options={SLO_HEALTHS.map((health) => ({ value: health, label: SLO_HEALTH_LABELS[health] }))}
        className="w-40"
      />
      <FilterSelect
        label="Service"
        name="service"
        value={params.service}
        options={services.map((service) => ({ value: service, label: service }))}
        className="w-52"
      />
    </FilterForm>
  )
}

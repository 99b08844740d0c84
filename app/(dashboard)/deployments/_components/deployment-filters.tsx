import { deploymentStatusLabel } from '@/components/canary/deployment-status-badge'
import { verdictLabel } from '@/components/canary/verdict-badge'
import { FilterForm, FilterSelect } from '@/components/ui/filter-form'
import { DEPLOYMENT_STATUSES, isFiltered, VERDICT_FILTERS, type DeploymentListParams } from '@/lib/canary/deployment-list'

export function DeploymentFilters({ params, services, shown }: { params: DeploymentListParams; services: string[]; shown: number }) {
  const filtered = isFiltered(params)
  // A service filtered on that has no deployment (yet) stays selectable.
  const serviceOptions = params.service && !services.includes(params.service) ? [params.service, ...services] : services
  return (
    <FilterForm
      action="/deployments"
      label="Filter deployments"
      filtered={filtered}
      summary={`${shown} deployment${shown === 1 ? '' : 's'}${filtered ? ' match' : ''}`}
    >
      <FilterSelect
        label="Service"
        name="service"
        value={params.service}
        options={serviceOptions.map((service) => ({ value: service, label: service }))}
        className="w-52"
      />
      <FilterSelect
        label="Status"
        name="status"
        value={params.status}
        options={DEPLOYMENT_STATUSES.map((status) => ({ value: status, label: deploymentStatusLabel(status) }))}
        className="w-40"
      />
      <FilterSelect
        label="Verdict"
        name="verdict"
        value={params.verdict}
        options={VERDICT_FILTERS.map((verdict) => ({ value: verdict, label: verdictLabel(verdict === 'not_judged' ? null : verdict) }))}
        className="w-40"
      />
    </FilterForm>
  )
}

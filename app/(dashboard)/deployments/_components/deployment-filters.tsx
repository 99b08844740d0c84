import Link from 'next/link'
import { deploymentStatusLabel } from '@/components/canary/deployment-status-badge'
import { verdictLabel } from '@/components/canary/verdict-badge'
import { Button } from '@/components/ui/button'
import { Select } from '@/components/ui/field'
import { DEPLOYMENT_STATUSES, isFiltered, VERDICT_FILTERS, type DeploymentListParams } from '@/lib/canary/deployment-list'

/** A plain GET form: filters land in the URL, so a filtered view is a link (and works without JavaScript). */
export function DeploymentFilters({ params, services, shown }: { params: DeploymentListParams; services: string[]; shown: number }) {
  const filtered = isFiltered(params)
  return (
    <form
      method="get"
      action="/deployments"
      className="flex flex-wrap items-end gap-3 border-b border-border px-5 py-3"
      role="search"
      aria-label="Filter deployments"
    >
      <label className="space-y-1 text-xs font-medium">
        <span className="block">Service</span>
        <Select name="service" defaultValue={params.service ?? ''} className="w-52">
          <option value="">Any</option>
          {(params.service && !services.includes(params.service) ? [params.service, ...services] : services).map((service) => (
            <option key={service} value={service}>
              {service}
            </option>
          ))}
        </Select>
      </label>
      <label className="space-y-1 text-xs font-medium">
        <span className="block">Status</span>
        <Select name="status" defaultValue={params.status ?? ''} className="w-40">
          <option value="">Any</option>
          {DEPLOYMENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {deploymentStatusLabel(status)}
            </option>
          ))}
        </Select>
      </label>
      <label className="space-y-1 text-xs font-medium">
        <span className="block">Verdict</span>
        <Select name="verdict" defaultValue={params.verdict ?? ''} className="w-40">
          <option value="">Any</option>
          {VERDICT_FILTERS.map((verdict) => (
            <option key={verdict} value={verdict}>
              {verdictLabel(verdict === 'not_judged' ? null : verdict)}
            </option>
          ))}
        </Select>
      </label>
      <Button type="submit" variant="secondary">
        Filter
      </Button>
      {filtered && (
        <Link href="/deployments" className="pb-2 text-sm text-accent underline-offset-2 hover:underline">
          Clear
        </Link>
      )}
      <p className="ml-auto pb-2 text-xs text-muted" aria-live="polite">
        {shown} deployment{shown === 1 ? '' : 's'}
        {filtered ? ' match' : ''}
      </p>
    </form>
  )
}

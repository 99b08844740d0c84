import { Siren } from 'lucide-react'
import type { Metadata } from 'next'
import Link from 'next/link'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { can } from '@/lib/auth/permissions'
import { requirePermission } from '@/lib/auth/session'
import { env } from '@/lib/env'
import { getDebuggingTimeReport } from '@/lib/incidents/debugging-time-repository'
import { listIncidents, listIncidentServices } from '@/lib/incidents/incident-list-repository'
import { incidentListQuery, type IncidentListQuery } from '@/lib/incidents/schemas'
import { DebuggingTimePanel } from './_components/debugging-time-panel'
import { ImportIncidentsForm } from './_components/import-incidents-form'
import { IncidentFilters } from './_components/incident-filters'
import { IncidentTable } from './_components/incident-table'
import { RecordIncidentForm } from './_components/record-incident-form'
import { WebhookHelp } from './_components/webhook-help'

export const metadata: Metadata = { title: 'Incidents' }

const pageHref = (query: IncidentListQuery, page: number) => {
  const params = new URLSearchParams()
  if (query.service) params.set('service', query.service)
  if (query.cohort) params.set('cohort', query.cohort)
  if (query.status) params.set('status', query.status)
  if (page > 1) params.set('page', String(page))
  const search = params.toString()
  return search ? `/incidents?${search}` : '/incidents'
}

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('dashboard.read')
  const query = incidentListQuery.parse(await searchParams)
  const [report, list, services] = await Promise.all([getDebuggingTimeReport(), listIncidents(query), listIncidentServices()])
  const now = new Date()
  const filtered = Boolean(query.service || query.cohort || query.status)
  const config = env()
  return (
    <>
      <PageHeader
        title="Incidents"
        description="Debugging episodes and their time to resolve: the evidence behind the “50 % faster debugging” target."
      />
      <PageBody>
        <DebuggingTimePanel report={report} />
        <Card>
          <CardHeader
            title={`${list.total} incident${list.total === 1 ? '' : 's'}${filtered ? ' matching the filters' : ''}`}
            description="Newest first. Times in UTC."
          />
          <IncidentFilters query={query} services={services} />
          {list.incidents.length > 0 ? (
            <>
              <IncidentTable incidents={list.incidents} now={now} />
              {list.pageCount > 1 && (
                <nav aria-label="Pages" className="flex items-center justify-between px-5 py-3 text-sm">
                  {list.page > 1 ? (
                    <Link href={pageHref(query, list.page - 1)} className="text-accent hover:underline">
                      ← Newer
                    </Link>
                  ) : (
                    <span />
                  )}
                  <span className="text-muted">
                    Page {list.page} of {list.pageCount}
                  </span>
                  {list.page < list.pageCount ? (
                    <Link href={pageHref(query, list.page + 1)} className="text-accent hover:underline">
                      Older →
                    </Link>
                  ) : (
                    <span />
                  )}
                </nav>
              )}
            </>
          ) : (
            <CardBody>
              <EmptyState icon={Siren} title={filtered ? 'No incident matches these filters' : 'No incidents yet'}>
                {filtered
                  ? 'Clear a filter to see more.'
                  : 'Record one below, import a CSV, or point PagerDuty’s webhook here: each incident then counts before or after its services’ go-live.'}
              </EmptyState>
            </CardBody>
          )}
        </Card>
        {can(user.role, 'incidents.write') && (
          <div className="grid gap-6 xl:grid-cols-2">
            <Card>
              <CardHeader title="Record an incident" description="Times are UTC. Services are matched to the inventory ignoring case." />
              <CardBody>
                <RecordIncidentForm />
              </CardBody>
            </Card>
            <Card>
              <CardHeader
                title="Import incidents from CSV"
                description="All or nothing: a file with any bad line imports nothing and every problem is listed with its line."
              />
              <CardBody className="space-y-3">
                <ImportIncidentsForm />
                <div className="text-xs text-muted">
                  <p>
                    A header row, then one incident a line. Columns: <code>external_id</code>, <code>services</code> (<code>;</code>
                    -separated), <code>started_at</code> or <code>detected_at</code>, and optionally <code>source</code>, <code>title</code>
                    , <code>resolved_at</code>, <code>traces_used</code> (yes/no), <code>trace_ids</code> (<code>;</code>-separated). Times:
                    ISO 8601 with an offset, or <code>YYYY-MM-DD HH:MM</code> read as UTC. A row whose source and external id are already
                    stored updates that incident.
                  </p>
                  {/* Focusable: a region that scrolls sideways must be reachable by keyboard (WCAG 2.1.1). */}
                  <pre
                    tabIndex={0}
                    aria-label="Example CSV"
                    className="mt-2 overflow-x-auto rounded-md bg-surface-muted p-2 font-mono text-[11px] text-foreground"
                  >
                    {
                      'external_id,services,started_at,resolved_at,traces_used,trace_ids\nINC-101,checkout-service;payments,2026-03-01 09:30,2026-03-01 11:05,yes,4bf92f3577b34da6a3ce929d0e0e4736'
                    }
                  </pre>
                </div>
              </CardBody>
            </Card>
          </div>
        )}
        {user.role === 'admin' && (
          <Card>
            <CardHeader
              title="Webhooks"
              description="Incidents can arrive by themselves: machines sign what they post, no session needed."
            />
            <CardBody>
              <WebhookHelp
                baseUrl={config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`}
                pagerDutyConfigured={config.PAGERDUTY_WEBHOOK_SECRETS.length > 0}
                incidentsConfigured={config.INCIDENT_WEBHOOK_SECRET.length > 0}
              />
            </CardBody>
          </Card>
        )}
      </PageBody>
    </>
  )
}

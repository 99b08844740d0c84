import type { Metadata } from 'next'
import { notFound, redirect } from 'next/navigation'
import { z } from 'zod'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { ruleToForm } from '@/lib/alerts/rule-form'
import { getAlertRule } from '@/lib/alerts/rules-repository'
import { findSloByName } from '@/lib/slo/slos-repository'
import { listChannels } from '@/lib/notifications/channels-repository'
import { requirePermission } from '@/lib/auth/session'
import { NotFoundError } from '@/lib/errors'
import { listServiceNames } from '@/lib/inventory/repository'
import { RuleEditor } from '../../_components/rule-editor'

export const metadata: Metadata = { title: 'Edit alert rule' }

export default async function EditAlertRulePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('alerts.write')
  const id = z.uuid().safeParse((await params).id)
  if (!id.success) notFound()
  const [rule, services, channels] = await Promise.all([
    getAlertRule(id.data).catch((error: unknown) => (error instanceof NotFoundError ? null : Promise.reject(error))),
    listServiceNames(),
    listChannels(),
  ])
  if (!rule) notFound()
  // A burn-rate rule changes with its SLO: edit that.
  if (rule.condition.kind === 'slo_burn_rate') {
    const slo = await findSloByName(rule.condition.slo)
    redirect(slo ? `/slos/${slo.id}/edit` : '/slos')
  }
  return (
    <>
      <PageHeader
        title={`Edit ${rule.name}`}
        description={`Version ${rule.version}. Saving makes version ${rule.version + 1}; alerts already raised keep their state.`}
      />
      <PageBody>
        <RuleEditor id={rule.id} initial={ruleToForm(rule)} services={services} channels={channels.map((channel) => channel.name)} />
      </PageBody>
    </>
  )
}

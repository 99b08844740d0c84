import type { Metadata } from 'next'
import { PageBody, PageHeader } from '@/components/shell/page-header'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { Table, Td, Th } from '@/components/ui/table'
import { can } from '@/lib/auth/permissions'
import { requirePermission } from '@/lib/auth/session'
import { formatDate } from '@/lib/format/date'
import { formatPercent } from '@/lib/format/percent'
import { countInventory } from '@/lib/inventory/repository'
import { getRolloutSettings } from '@/lib/rollout/rollout-state-repository'
import { TARGET_METHOD } from '@/lib/targets/descriptions'
import { formatGoal } from '@/lib/targets/format-goal'
import { listTargets } from '@/lib/targets/repository'
import { RATIO_TARGETS, type Target } from '@/lib/targets/schemas'
import { RolloutSettingsForm } from './_components/rollout-settings-form'
import { TargetForm } from './_components/target-form'

export const metadata: Metadata = { title: 'Week-2 targets' }

const UNIT: Record<Target['key'], string> = {
  services_traced: 'services',
  tracing_overhead: 'ms',
  trace_reliability: '%',
  debugging_time: '% faster',
}
/** The goal as the form shows it: ratios as percentages, without float noise (99.9, not 99.90000000000001). */
const shownGoal = (target: Target) => (RATIO_TARGETS.includes(target.key) ? Number((target.goal * 100).toPrecision(12)) : target.goal)

export default async function TargetsPage() {
  const user = await requirePermission('dashboard.read')
  const [targets, counts, settings] = await Promise.all([listTargets(), countInventory(), getRolloutSettings()])
  const mayEdit = can(user.role, 'targets.write')
  const mayConfigure = can(user.role, 'rollout.configure')
  return (
    <>
      <PageHeader
        title="Week-2 targets"
        description="The goals the overview scorecard measures against, and what verifies a service on the rollout board"
      />
      <PageBody>
        <Card>
          <Table aria-label="Week-2 targets">
            <thead>
              <tr>
                <Th>Target</Th>
                <Th>Goal</Th>
                <Th>Due</Th>
                <Th>How it is computed</Th>
              </tr>
            </thead>
            <tbody>
              {targets.map((target) => (
                <tr key={target.key}>
                  <Td className="font-medium">{target.label}</Td>
                  <Td className="whitespace-nowrap" colSpan={mayEdit ? 2 : 1}>
                    {mayEdit ? (
                      <TargetForm
                        targetKey={target.key}
                        label={target.label}
                        goal={shownGoal(target)}
                        unit={UNIT[target.key]}
                        dueDate={target.dueDate?.toISOString().slice(0, 10) ?? ''}
                      />
                    ) : (
                      formatGoal(target, counts.inventory)
                    )}
                  </Td>
                  {!mayEdit && <Td className="whitespace-nowrap text-muted">{target.dueDate ? formatDate(target.dueDate) : '—'}</Td>}
                  <Td className="text-xs text-muted">{TARGET_METHOD[target.key]}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card>
          <CardHeader
            title="Rollout"
            description="A service is verified once its traces hold these for the consecutive full days below; statuses are recomputed at the worker's next pass."
          />
          <CardBody>
            {mayConfigure ? (
              <RolloutSettingsForm
                values={{
                  startDate: settings.startDate ?? new Date().toISOString().slice(0, 10),
                  verifyDays: settings.verifyDays,
                  minCompletePercent: Number((settings.minCompleteShare * 100).toPrecision(12)),
                  minKeyAttributePercent: Number((settings.minKeyAttributeShare * 100).toPrecision(12)),
                }}
              />
            ) : (
              <dl className="grid gap-2 text-sm sm:grid-cols-4">
                <div>
                  <dt className="text-muted">Rollout began</dt>
                  <dd>{settings.startDate ?? 'not set'}</dd>
                </div>
                <div>
                  <dt className="text-muted">Good days to verify</dt>
                  <dd>{settings.verifyDays}</dd>
                </div>
                <div>
                  <dt className="text-muted">Complete traces</dt>
                  <dd>≥ {formatPercent(settings.minCompleteShare, 1)}</dd>
                </div>
                <div>
                  <dt className="text-muted">Key attributes</dt>
                  <dd>≥ {formatPercent(settings.minKeyAttributeShare, 1)}</dd>
                </div>
              </dl>
            )}
          </CardBody>
        </Card>
      </PageBody>
    </>
  )
}

import { TimeToResolveChart } from '@/components/charts/time-to-resolve-chart'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { Table, Td, Th } from '@/components/ui/table'
import { formatDuration } from '@/lib/format/duration'
import type { DebuggingTimeReport } from '@/lib/incidents/debugging-time-repository'
import type { DebuggingTimeComparison } from '@/lib/incidents/time-to-resolve'
import { cohortSize, ComparisonSentence, formatChange, VerdictBadge } from './debugging-time'

const medianOf = (comparison: DebuggingTimeComparison, side: 'before' | 'after') =>
  'medianBeforeMs' in comparison ? formatDuration(side === 'before' ? comparison.medianBeforeMs : comparison.medianAfterMs) : '—'

/** The "50 % faster debugging" target's evidence: fleet-wide and per service, before vs after go-live. */
export function DebuggingTimePanel({ report }: { report: DebuggingTimeReport }) {
  const { fleet } = report
  const medians = 'medianBeforeMs' in fleet ? { before: fleet.medianBeforeMs, after: fleet.medianAfterMs } : { before: null, after: null }
  return (
    <>
      <Card data-testid="debugging-time">
        <CardHeader
          title="Debugging time, before vs after tracing went live"
          description="Time to resolve = resolved − started (detected when the start is unknown). An incident is “after” when it began at or after the earliest go-live of its services."
          action={<VerdictBadge comparison={fleet} />}
        />
        <CardBody className="space-y-4">
          <p className="text-sm" data-testid="fleet-comparison">
            <span className="font-medium">Fleet-wide. </span>
            <ComparisonSentence comparison={fleet} minCohort={report.minCohort} />
          </p>
          {report.unmatchedIncidents > 0 && (
            <p className="text-xs text-muted">
              {report.unmatchedIncidents} incident{report.unmatchedIncidents === 1 ? '' : 's'} name only services outside the inventory (no
              go-live to compare with) and are left out here; they are marked “unmatched” in the list below.
            </p>
          )}
          {report.points.length > 0 ? (
            <TimeToResolveChart dots={report.points} medianBeforeMs={medians.before} medianAfterMs={medians.after} />
          ) : (
            <p className="text-sm text-muted">No resolved incidents yet: the chart appears with the first one.</p>
          )}
        </CardBody>
      </Card>
      {report.services.length > 0 && (
        <Card>
          <CardHeader
            title="By service"
            description="An incident of several services counts for each of them, against that service’s own go-live."
          />
          <Table aria-label="Debugging time by service">
            <thead>
              <tr>
                <Th>Service</Th>
                <Th>Before go-live</Th>
                <Th>After go-live</Th>
                <Th>Change (90 % interval)</Th>
                <Th>Verdict</Th>
              </tr>
            </thead>
            <tbody>
              {report.services.map((comparison) => (
                <tr key={comparison.service} data-testid={`service-comparison-${comparison.service}`}>
                  <Td className="font-medium">{comparison.service}</Td>
                  <Td className="tabular-nums">
                    {medianOf(comparison, 'before')} <span className="text-xs text-muted">({cohortSize(comparison.before)})</span>
                  </Td>
                  <Td className="tabular-nums">
                    {medianOf(comparison, 'after')} <span className="text-xs text-muted">({cohortSize(comparison.after)})</span>
                  </Td>
                  <Td className="tabular-nums">
                    {'improvement' in comparison ? (
                      <>
                        {formatChange(comparison.improvement)}{' '}
                        <span className="text-xs text-muted">
                          ({formatChange(comparison.interval.low)} to {formatChange(comparison.interval.high)})
                        </span>
                      </>
                    ) : (
                      <span className="text-muted">—</span>
                    )}
                  </Td>
                  <Td>
                    <VerdictBadge comparison={comparison} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
    </>
  )
}

import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { cn } from '@/lib/cn'
import type { ServiceView } from '@/lib/latency/schemas'
import { formatPercent } from '@/lib/format/percent'

function Fact({ label, value, note, tone }: { label: string; value: string; note?: string; tone?: 'warn' | 'ok' }) {
  return (
    <div className="flex items-baseline justify-between gap-3 border-b border-border py-2 last:border-0">
      <dt className="text-sm text-muted">
        {label}
        {note && <div className="text-xs">{note}</div>}
      </dt>
      <dd className={cn('text-sm font-medium whitespace-nowrap tabular-nums', tone === 'warn' && 'text-warn', tone === 'ok' && 'text-ok')}>
        {value}
      </dd>
    </div>
  )
}

/** Trace quality (complete traces, orphans, skew, cleaned names) and coverage (operations, key attributes, sampling). */
export function QualityCoverageCards({ quality, coverage }: Pick<ServiceView, 'quality' | 'coverage'>) {
  const reliable = quality.completeRatio === null || quality.completeRatio >= 0.999
  return (
    <>
      <Card>
        <CardHeader title="Trace quality" description="Traces this service took part in, over the range" />
        <CardBody className="py-1">
          <dl>
            <Fact
              label="Complete traces"
              note="one root, no orphans, no Jaeger warnings; target 99.9 %"
              value={formatPercent(quality.completeRatio, 2)}
              tone={reliable ? 'ok' : 'warn'}
            />
            <Fact label="Traces seen" value={quality.tracesSeen.toLocaleString('en')} />
            <Fact
              label="Orphan spans"
              note="parent not in the trace: broken propagation"
              value={quality.orphanSpans.toLocaleString('en')}
              tone={quality.orphanSpans ? 'warn' : undefined}
            />
            <Fact
              label="Clock-skewed spans"
              value={quality.skewedSpans.toLocaleString('en')}
              tone={quality.skewedSpans ? 'warn' : undefined}
            />
            <Fact
              label="Spans with Jaeger warnings"
              value={quality.warningSpans.toLocaleString('en')}
              tone={quality.warningSpans ? 'warn' : undefined}
            />
            <Fact
              label="Spans with cleaned names"
              note="NUL or broken Unicode in the service or operation name, stored as �"
              value={quality.cleanedTextSpans.toLocaleString('en')}
              tone={quality.cleanedTextSpans ? 'warn' : undefined}
            />
          </dl>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Coverage" description="What the instrumentation reports" />
        <CardBody className="py-1">
          <dl>
            <Fact
              label="Expected operations seen"
              note={
                coverage.missingOperations.length
                  ? `missing: ${coverage.missingOperations.join(', ')}`
                  : coverage.operationsExpected
                    ? 'all of the inventory’s list'
                    : 'the inventory lists none'
              }
              value={`${coverage.operationsExpected - coverage.missingOperations.length} of ${coverage.operationsExpected}`}
              tone={coverage.missingOperations.length ? 'warn' : undefined}
            />
            <Fact label="http.route on server spans" value={formatPercent(coverage.routeRatio)} />
            <Fact label="Status code on HTTP spans" value={formatPercent(coverage.statusCodeRatio)} />
            <Fact label="service.version on spans" value={formatPercent(coverage.versionRatio)} />
            <Fact
              label="Observed sampling rate"
              note="sampler.param reported by the SDK"
              value={
                coverage.samplingRate === null ? 'unknown' : formatPercent(coverage.samplingRate, coverage.samplingRate < 0.01 ? 2 : 0)
              }
            />
          </dl>
        </CardBody>
      </Card>
    </>
  )
}

import { ArrowRight, CircleDashed } from 'lucide-react'
import Link from 'next/link'
import { Sparkline } from '@/components/charts/sparkline'
import { Badge, type BadgeTone } from '@/components/ui/badge'
import { Card } from '@/components/ui/card'
import { formatDuration } from '@/lib/format/duration'
import type { TargetStatus } from '@/lib/rollout/target-status'
import type { ScorecardDetail, ScorecardFigure } from '@/lib/scorecard/scorecard-repository'
import { TARGET_AWAITS, TARGET_METHOD } from '@/lib/targets/descriptions'
import { formatFigure } from '@/lib/targets/format-figure'
import { formatGoal } from '@/lib/targets/format-goal'
import type { TargetKey } from '@/lib/targets/schemas'

const STATUS: Record<TargetStatus, { tone: BadgeTone; label: string }> = {
  met: { tone: 'ok', label: 'Met' },
  on_track: { tone: 'accent', label: 'On track' },
  at_risk: { tone: 'warn', label: 'At risk' },
  missed: { tone: 'bad', label: 'Missed' },
  no_data: { tone: 'neutral', label: 'No data yet' },
}

const EVIDENCE: Record<TargetKey, string> = {
  services_traced: 'Rollout board',
  tracing_overhead: 'Overhead measurements',
  trace_reliability: 'Reliability by service',
  debugging_time: 'Incidents before and after',
}

function DetailLine({ detail }: { detail: ScorecardDetail }) {
  switch (detail.key) {
    case 'services_traced':
      return detail.untraced.length ? (
        <>
          No spans in 24 h: {detail.untraced.slice(0, 3).join(', ')}
          {detail.untraced.length > 3 ? ` and ${detail.untraced.length - 3} more` : ''}
        </>
      ) : (
        <>Every inventory service sent spans in the last 24 h.</>
      )
    case 'tracing_overhead':
      return detail.traced === 0 ? (
        <>No service is traced yet.</>
      ) : (
        <>
          Mean of {detail.measured} of {detail.traced} traced services
          {detail.unmeasured.length
            ? `; not measured: ${detail.unmeasured.slice(0, 3).join(', ')}${detail.unmeasured.length > 3 ? ` and ${detail.unmeasured.length - 3} more` : ''}`
            : ''}
        </>
      )
    case 'trace_reliability':
      return (
        <>
          {detail.complete.toLocaleString('en')} of {detail.traces.toLocaleString('en')} traces whole in 7 d
          {detail.skewedSpans ? `; ${detail.skewedSpans.toLocaleString('en')} clock-skewed spans (a note, not a failure)` : ''}
        </>
      )
    case 'debugging_time': {
      const { report } = detail
      const sizes = `${report.before.resolved} before, ${report.after.resolved} after go-live`
      if (report.verdict === 'too few incidents') return <>Too few incidents to tell ({sizes}).</>
      if (report.verdict === 'no baseline') return <>No before median to compare with ({sizes}).</>
      return (
        <>
          Median {formatDuration(report.medianBeforeMs)} → {formatDuration(report.medianAfterMs)} ({sizes});{' '}
          {Math.round(report.interval.confidence * 100)} % interval {Math.round(report.interval.low * 100)} to{' '}
          {Math.round(report.interval.high * 100)} %
        </>
      )
    }
  }
}

export function TargetCard({ figure }: { figure: ScorecardFigure }) {
  const { target, current, trend, judgement, href, detail } = figure
  const inventory = detail.key === 'services_traced' ? detail.inventory : undefined
  const status = STATUS[judgement.status]
  const format = (value: number) => formatFigure(target.key, value)
  const extent = trend.length
    ? `${format(Math.min(...trend.map((point) => point.value)))} to ${format(Math.max(...trend.map((point) => point.value)))}`
    : ''
  return (
    <Card className="flex flex-col p-5" data-testid={`target-${target.key}`} data-status={judgement.status}>
      <div className="flex items-start justify-between gap-2">
        <h3 className="text-sm font-medium text-muted">{target.label}</h3>
        <Badge tone={status.tone} className="shrink-0 whitespace-nowrap" title={judgement.reason}>
          {judgement.status === 'no_data' && <CircleDashed className="size-3" aria-hidden />}
          {status.label}
        </Badge>
      </div>
      <div className="mt-3 flex flex-wrap items-baseline gap-x-2">
        {current === null ? (
          <span className="text-3xl font-semibold tracking-tight text-muted" aria-label="not measured">
            —
          </span>
        ) : (
          <span className="text-3xl font-semibold tracking-tight whitespace-nowrap tabular-nums" data-testid="target-value">
            {formatFigure(target.key, current, inventory)}
          </span>
        )}
        <span className="text-sm whitespace-nowrap text-muted">
          goal <span className="font-medium text-foreground">{formatGoal(target, inventory)}</span>
        </span>
      </div>
      <div className="mt-2 flex items-center gap-2">
        <Sparkline
          values={trend.map((point) => point.value)}
          width={160}
          height={28}
          tone={judgement.status === 'missed' ? 'bad' : judgement.status === 'at_risk' ? 'warn' : 'default'}
          label={trend.length ? `${target.label}, daily since ${trend[0]!.day}: ${extent}` : `${target.label}: no daily values yet`}
        />
      </div>
      <p className="mt-2 text-xs text-muted">
        {current === null && detail.key !== 'debugging_time' ? TARGET_AWAITS[target.key] : <DetailLine detail={detail} />}
      </p>
      <p className="mt-1 text-xs text-muted">{judgement.reason}</p>
      <div className="mt-auto flex flex-col gap-2 border-t border-border pt-3">
        <p className="text-xs text-muted">{TARGET_METHOD[target.key]}</p>
        <Link href={href} className="inline-flex items-center gap-1 self-start text-xs font-medium text-accent hover:underline">
          {EVIDENCE[target.key]} <ArrowRight className="size-3" aria-hidden />
        </Link>
      </div>
    </Card>
  )
}

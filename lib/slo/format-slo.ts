// How SLO figures read on pages and in the API's summaries (display only).
import { formatPrometheusDuration } from '@/lib/time/prometheus-duration'
import type { Slo } from './schemas'

/** An objective or SLI as a percent with the digits it needs: 99 %, 99.9 %, 99.95 %. */
export function formatObjective(ratio: number): string {
  const percent = ratio * 100
  const digits = percent >= 99.99 ? 3 : percent >= 99.9 ? 2 : percent >= 99 ? 1 : 1
  return `${Number(percent.toFixed(digits))} %`
}

/** An SLI: more digits than the objective, so 99.93 % is not shown as the objective's 99.9 %. */
export function formatSli(ratio: number | null): string {
  if (ratio === null) return '—'
  const percent = ratio * 100
  return `${percent >= 99.9 ? percent.toFixed(3) : percent >= 99 ? percent.toFixed(2) : percent.toFixed(1)} %`
}

export function formatBudget(remaining: number): string {
  if (!Number.isFinite(remaining)) return remaining > 0 ? '100 %' : 'spent'
  return `${Math.round(remaining * 1000) / 10} %`
}

export function formatBurnRate(rate: number | null): string {
  if (rate === null) return '—'
  return rate >= 100 ? `${Math.round(rate)}×` : rate >= 10 ? `${rate.toFixed(1)}×` : `${rate.toFixed(2)}×`
}

export function describeSli(slo: Pick<Slo, 'sli' | 'operation' | 'spanKind'>): string {
  const what = slo.operation ? `${slo.operation}${slo.spanKind ? ` (${slo.spanKind})` : ''}` : 'entry spans'
  switch (slo.sli.kind) {
    case 'latency':
      return `${what} at or under ${slo.sli.thresholdMs} ms`
    case 'availability':
      return `${what} without error`
    case 'composite':
      return `weighted good events of ${slo.sli.members.map((member) => `${member.slo}${member.weight !== 1 ? ` ×${member.weight}` : ''}`).join(', ')}`
  }
}

export function describeWindow(window: Slo['window']): string {
  if (window.kind === 'rolling') return `rolling ${formatPrometheusDuration(window.duration)}`
  const from = window.startTime ? `, from ${window.startTime.replace('T', ' ')}` : ''
  return `calendar ${window.unit} (${window.timeZone}${from})`
}

// The rule editor's fields (flat strings, as inputs hold them) to and from a rule, and each schema
// issue's path to the field that shows it. Shares, entered in percent, are ratios in the rule.
import { formatPrometheusDuration } from '@/lib/time/prometheus-duration'
import { CANARY_ANNOTATIONS } from './canary-values'
import { watchesWholeServices, type AlertRule, type AlertRuleInput, type Percentile, type RuleKind, type Severity } from './schemas'

export type RuleForm = {
  name: string
  enabled: boolean
  severity: Severity
  kind: RuleKind
  percentile: Percentile
  aboveMs: string
  factor: string
  deviation: string
  /** Error rate above, in percent. */
  errorPercent: string
  /** Complete-trace share below, in percent. */
  reliabilityPercent: string
  silentFor: string
  service: string
  operation: string
  spanKind: string
  window: string
  for: string
  keepFiringFor: string
  minSpans: string
  /** One `name=value` per line. */
  labels: string
  summary: string
  description: string
  runbookUrl: string
  /** Channel names, comma-separated. */
  channels: string
}

const SERIES_SUMMARY = '{{labels.service}} {{labels.operation}}: {{value}} (threshold {{threshold}})'

/** The summary a new rule of `kind` starts with: a canary's names the version and the judge's reason. */
export const defaultSummaryOf = (kind: RuleKind): string => (kind === 'canary_regression' ? CANARY_ANNOTATIONS.summary : SERIES_SUMMARY)

export const EMPTY_RULE_FORM: RuleForm = {
  name: '',
  enabled: true,
  severity: 'warning',
  kind: 'latency_baseline',
  percentile: 'p95',
  aboveMs: '500',
  factor: '2',
  deviation: '',
  errorPercent: '5',
  reliabilityPercent: '99.9',
  silentFor: '10m',
  service: '*',
  operation: '',
  spanKind: 'server',
  window: '5m',
  for: '10m',
  keepFiringFor: '0s',
  minSpans: '20',
  labels: '',
  summary: SERIES_SUMMARY,
  description: '',
  runbookUrl: '',
  channels: '',
}

/** The form with another kind; a summary left at the previous kind's default becomes the new kind's. */
export function withKind(form: RuleForm, kind: RuleKind): RuleForm {
  return { ...form, kind, summary: form.summary === defaultSummaryOf(form.kind) ? defaultSummaryOf(kind) : form.summary }
}

/** A number field: empty is "not given", anything else is parsed (the schema names what is wrong). */
const numberOf = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim()))
const percentOf = (text: string) => {
  const value = numberOf(text)
  return value === undefined ? undefined : value / 100
}

export function formToRuleInput(form: RuleForm): AlertRuleInput {
  const condition = (() => {
    switch (form.kind) {
      case 'latency_threshold':
        return { kind: form.kind, percentile: form.percentile, aboveMs: numberOf(form.aboveMs) }
      case 'latency_baseline':
        return { kind: form.kind, factor: numberOf(form.factor), deviation: numberOf(form.deviation) }
      case 'error_rate':
        return { kind: form.kind, above: percentOf(form.errorPercent) }
      case 'trace_reliability':
        return { kind: form.kind, below: percentOf(form.reliabilityPercent) }
      case 'no_data':
        return { kind: form.kind, silentFor: form.silentFor.trim() }
      case 'canary_regression':
        return { kind: form.kind }
    }
  })()
  const wholeService = watchesWholeServices(form.kind)
  const labels = Object.fromEntries(
    form.labels
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const at = line.indexOf('=')
        return at < 0 ? [line, ''] : [line.slice(0, at).trim(), line.slice(at + 1).trim()]
      }),
  )
  const annotations = Object.fromEntries(
    [
      ['summary', form.summary],
      ['description', form.description],
      ['runbook_url', form.runbookUrl],
    ].filter(([, text]) => text!.trim() !== ''),
  )
  return {
    name: form.name,
    enabled: form.enabled,
    severity: form.severity,
    condition: condition as AlertRuleInput['condition'],
    selector: {
      service: form.service,
      ...(!wholeService && form.operation.trim() ? { operation: form.operation.trim() } : {}),
      ...(!wholeService && form.spanKind ? { spanKind: form.spanKind as NonNullable<AlertRuleInput['selector']['spanKind']> } : {}),
    },
    window: form.window.trim(),
    for: form.for.trim(),
    keepFiringFor: form.keepFiringFor.trim(),
    minSpans: numberOf(form.minSpans) ?? 0,
    labels,
    annotations,
    channels: form.channels
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  }
}

const percent = (ratio: number) => String(Number((ratio * 100).toPrecision(6)))

export function ruleToForm(rule: AlertRule): RuleForm {
  const { condition } = rule
  return {
    ...EMPTY_RULE_FORM,
    name: rule.name,
    enabled: rule.enabled,
    severity: rule.severity,
    // Burn-rate rules are the SLO's to change (lib/slo/slo-rules.ts); their page shows no editor.
    kind: condition.kind === 'slo_burn_rate' ? EMPTY_RULE_FORM.kind : condition.kind,
    ...(condition.kind === 'latency_threshold' ? { percentile: condition.percentile, aboveMs: String(condition.aboveMs) } : {}),
    ...(condition.kind === 'latency_baseline'
      ? { factor: condition.factor?.toString() ?? '', deviation: condition.deviation?.toString() ?? '' }
      : {}),
    ...(condition.kind === 'error_rate' ? { errorPercent: percent(condition.above) } : {}),
    ...(condition.kind === 'trace_reliability' ? { reliabilityPercent: percent(condition.below) } : {}),
    ...(condition.kind === 'no_data' ? { silentFor: formatPrometheusDuration(condition.silentFor) } : {}),
    service: rule.selector.service,
    operation: rule.selector.operation ?? '',
    spanKind: rule.selector.spanKind ?? '',
    window: formatPrometheusDuration(rule.window),
    for: formatPrometheusDuration(rule.for),
    keepFiringFor: formatPrometheusDuration(rule.keepFiringFor),
    minSpans: String(rule.minSpans),
    labels: Object.entries(rule.labels)
      .map(([name, value]) => `${name}=${value}`)
      .join('\n'),
    summary: rule.annotations.summary ?? '',
    description: rule.annotations.description ?? '',
    runbookUrl: rule.annotations.runbook_url ?? '',
    channels: rule.channels.join(', '),
  }
}

const CONDITION_FIELD: Record<string, keyof RuleForm> = {
  percentile: 'percentile',
  aboveMs: 'aboveMs',
  factor: 'factor',
  deviation: 'deviation',
  above: 'errorPercent',
  below: 'reliabilityPercent',
  silentFor: 'silentFor',
  kind: 'kind',
}

/** The form field an issue path (`condition.aboveMs`, `selector.service`, `annotations.summary`) is shown at. */
export function fieldOfIssue(path: string): keyof RuleForm | 'form' {
  const [head, next] = path.split('.')
  if (head === 'condition') return CONDITION_FIELD[next ?? 'kind'] ?? 'kind'
  if (head === 'selector') return next === 'spanKind' ? 'spanKind' : next === 'operation' ? 'operation' : 'service'
  if (head === 'annotations') return next === 'runbook_url' ? 'runbookUrl' : next === 'description' ? 'description' : 'summary'
  if (head === 'labels') return 'labels'
  if (head === 'channels') return 'channels'
  const direct: (keyof RuleForm)[] = ['name', 'enabled', 'severity', 'window', 'for', 'keepFiringFor', 'minSpans']
  return direct.includes(head as keyof RuleForm) ? (head as keyof RuleForm) : 'form'
}

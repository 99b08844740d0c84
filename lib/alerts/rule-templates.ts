// Annotation templates: logic-less mustache over one alert, checked when a rule is saved or imported
// and rendered when its alert fires.
//
//   {{labels.service}}  {{value}}  {{threshold}}  {{rule.name}}   {{#labels.team}}…{{/labels.team}}
//   {{canary.reason}}  {{canary.score}}  {{canary.url}}              canary_regression rules only
//
// Prometheus' own spellings are translated first, so rules copied from a Prometheus file keep working:
// `{{ $labels.service }}` → `{{ labels.service }}`, `{{ $value }}` → `{{ value }}`, `{{ $.labels.x }}` →
// `{{ labels.x }}` (a `$` or `$.` right after the opening braces is dropped). Go template functions and
// actions (`| humanize`, `printf`, `if`, `range`) have no mustache equivalent and are refused.
// Annotations are plain text, not HTML: values are rendered as they are, never escaped.
import Mustache from 'mustache'
import { formatPrometheusDuration } from '@/lib/time/prometheus-duration'
import type { CanaryDetails } from './canary-values'
import { LABEL_NAME, type AlertRule, type Labels } from './schemas'

/** What a rule's templates may name under `rule.`. */
export const TEMPLATE_RULE_FIELDS = ['name', 'kind', 'severity', 'window', 'for'] as const
/** What a canary_regression rule's templates may name under `canary.`: the judge's first reason, its 0–100 score, the deployment page. */
export const TEMPLATE_CANARY_FIELDS = ['reason', 'score', 'url'] as const

export type TemplateContext = {
  /** The alert's labels: the rule's, the series' (service, operation, span_kind), alertname and severity. */
  labels: Labels
  /** In the rule's unit (rule-values.ts: ms, a ratio, a share 0..1, minutes silent). */
  value: number
  threshold: number | null
  rule: Pick<AlertRule, 'name' | 'severity' | 'condition' | 'window' | 'for'>
  /** A canary alert's deployment (canary_regression rules). */
  canary?: CanaryDetails
}

const VARIABLES_HINT = `labels.<name>, value, threshold or rule.${TEMPLATE_RULE_FIELDS.join(', rule.')}`
const CANARY_VARIABLES_HINT = `labels.<name>, value, threshold, rule.${TEMPLATE_RULE_FIELDS.join(', rule.')} or canary.${TEMPLATE_CANARY_FIELDS.join(', canary.')}`
const GO_TEMPLATE = /[|()"]|^(?:if|else|end|range|with|define|template|block|printf|humanize\w*)\b|\s/

/** The text as mustache, and where (offsets in the mustache text) a `$` or `$.` was dropped, to point at the original. */
function translatePrometheus(text: string): { template: string; dropped: { at: number; length: number }[] } {
  const dropped: { at: number; length: number }[] = []
  let removed = 0
  const template = text.replace(/(\{\{[{#^/&]?\s*)(\$\.?)(?=[A-Za-z_])/g, (_match, opening: string, dollar: string, offset: number) => {
    dropped.push({ at: offset - removed + opening.length, length: dollar.length })
    removed += dollar.length
    return opening
  })
  return { template, dropped }
}

/** Renders each annotation; a template that no longer parses is returned as written, never thrown at 3 a.m. */
export function renderAnnotations(annotations: Readonly<Record<string, string>>, context: TemplateContext): Record<string, string> {
  const view = viewOf(context)
  const rendered: Record<string, string> = {}
  for (const [name, text] of Object.entries(annotations)) {
    try {
      rendered[name] = Mustache.render(translatePrometheus(text).template, view, {}, { escape: (value: unknown) => String(value) })
    } catch {
      rendered[name] = text
    }
  }
  return rendered
}

/**
 * Why a template would not render as meant (unclosed tag or section, unknown variable, Go syntax), or null.
 * `kind`: the rule's condition kind, when known; `canary.` variables are a canary_regression rule's only.
 */
export function checkTemplate(text: string, { kind }: { kind?: unknown } = {}): string | null {
  const { template, dropped } = translatePrometheus(text)
  const where = (offset: number) =>
    position(text, offset + dropped.filter(({ at }) => at <= offset).reduce((sum, { length }) => sum + length, 0))
  let tokens: Mustache.TemplateSpans
  try {
    // A Writer of its own: Mustache.parse caches every template in a global map, and the editor checks every draft.
    tokens = new Mustache.Writer().parse(template)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const unclosedTag = /^Unclosed tag at (\d+)/.exec(message)
    if (unclosedTag) return `a tag opened ${where(lastOpening(template, Number(unclosedTag[1])))} is never closed with }}`
    const section = /^(Unclosed|Unopened) section "(.*)" at (\d+)/.exec(message)
    if (section?.[1] === 'Unclosed') return `the section {{#${section[2]}}} is never closed: end it with {{/${section[2]}}}`
    if (section) return `{{/${section[2]}}} ${where(Number(section[3]))} closes a section that was never opened`
    return `the template does not parse: ${message}`
  }
  return checkTokens(tokens, where, false, kind === 'canary_regression')
}

function checkTokens(
  tokens: Mustache.TemplateSpans,
  where: (offset: number) => string,
  inSection: boolean,
  canary: boolean,
): string | null {
  for (const token of tokens) {
    const [type, name, start] = token
    if (type === 'text' || type === '!' || type === '=') continue
    if (type === '>') return `partials ({{> ${name}}}) are not supported ${where(start)}`
    const problem = checkVariable(name, inSection, canary)
    if (problem) return `${problem} ${where(start)}`
    if ((type === '#' || type === '^') && Array.isArray(token[4])) {
      const inner = checkTokens(token[4], where, true, canary)
      if (inner) return inner
    }
  }
  return null
}

function checkVariable(name: string, inSection: boolean, canary: boolean): string | null {
  if (name === '.' && inSection) return null
  if (GO_TEMPLATE.test(name))
    return `"${name}" is Go template syntax, which is not supported: templates are mustache ({{labels.service}}, {{#labels.team}}…{{/labels.team}})`
  const [root, field, ...rest] = name.split('.')
  const canaryField = root === 'canary' && (TEMPLATE_CANARY_FIELDS as readonly string[]).includes(field ?? '') && rest.length === 0
  if (canaryField && !canary) return `"${name}" is set on canary_regression alerts only`
  const known =
    (root === 'labels' && field !== undefined && LABEL_NAME.test(field) && rest.length === 0) ||
    ((root === 'value' || root === 'threshold') && field === undefined) ||
    (root === 'rule' && (TEMPLATE_RULE_FIELDS as readonly string[]).includes(field ?? '') && rest.length === 0) ||
    canaryField
  return known ? null : `unknown variable "${name}": use ${canary ? CANARY_VARIABLES_HINT : VARIABLES_HINT}`
}

/** The opening braces of the tag that starts at or before offset. */
const lastOpening = (template: string, offset: number) => Math.max(0, template.lastIndexOf('{{', offset))

/** "at column 7", or "at line 2, column 3" in a multi-line annotation (1-based). */
function position(text: string, offset: number): string {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  const column = offset - before.lastIndexOf('\n')
  return text.includes('\n') ? `at line ${line}, column ${column}` : `at column ${column}`
}

/** Null-prototype objects: mustache looks names up with `in`, so `labels.constructor` would reach Object's. */
function viewOf({ labels, value, threshold, rule, canary }: TemplateContext) {
  return Object.assign(Object.create(null), {
    labels: Object.assign(Object.create(null), labels),
    value: formatValue(value),
    threshold: threshold === null ? '' : formatValue(threshold),
    rule: Object.assign(Object.create(null), {
      name: rule.name,
      kind: rule.condition.kind,
      severity: rule.severity,
      window: formatPrometheusDuration(rule.window),
      for: formatPrometheusDuration(rule.for),
    }),
    canary: Object.assign(
      Object.create(null),
      canary && { reason: canary.reason, score: canary.score === null ? '' : String(canary.score), url: canary.url },
    ),
  })
}

/** 4 significant digits, as Prometheus' `humanize` prints (%.4g): 1234.5678 → 1235, 0.000123456 → 0.0001235. */
const formatValue = (value: number) => (Number.isFinite(value) ? String(Number(value.toPrecision(4))) : String(value))

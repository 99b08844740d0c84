// Alert rules as a file teams keep in git: Prometheus' rule-file layout (groups → rules), with what
// Spanlens evaluates under `spanlens:` where Prometheus has a PromQL `expr:`. Read all or nothing; each
// problem comes back with the line and column of the key at fault (of its nearest enclosing key when absent).
//
//   groups:                    several YAML documents (---) are read as one file
//     - name: checkout         for reading the file only: not stored, not a label; unique in the file
//       labels: { team: x }    added to each rule's labels (a rule's own label wins), as Prometheus does
//       rules:
//         - alert: CheckoutSlow                          → name
//           spanlens: { kind, <condition in snake_case>, service, operation, span_kind, window, min_spans }
//           for, keep_firing_for, annotations, enabled, channels (a Spanlens extension)
//           labels: { severity: critical }               → severity (critical, warning, info); the rest are labels
//
// Refused with a line: recording rules, PromQL `expr:`, group `interval`/`query_offset`/`limit`, unknown keys,
// annotation templates that do not check (rule-templates.ts), and rules that conflict (rule-conflicts.ts).
import { isScalar, LineCounter, parseAllDocuments, stringify, type Document } from 'yaml'
import { keyPosition, pathLabel, positionAt, unknownKeyMessage, yamlErrorMessage, type YamlPath } from '@/lib/text/yaml-source'
import { formatPrometheusDuration } from '@/lib/time/prometheus-duration'
import { findRuleConflicts } from './rule-conflicts'
import { checkTemplate } from './rule-templates'
import { alertRuleInput, conditionSchema, SEVERITIES, type AlertRule, type RuleKind } from './schemas'

export const MAX_RULES_BYTES = 1024 * 1024 // UTF-8 bytes

export type RulesYamlError = { line: number; column?: number; path: string; message: string }
export type RulesYamlResult = { ok: true; rules: AlertRule[] } | { ok: false; errors: RulesYamlError[] }

/** Where one rule was read: its item, and each of its labels (a group's labels sit in the group). */
type RuleSource = { document: Document; path: YamlPath; labelPaths: Map<string, YamlPath>; readsCondition: boolean }

const GROUP_KEYS = ['name', 'labels', 'rules']
const REFUSED_GROUP_KEYS: Record<string, string> = {
  interval: 'Spanlens evaluates every rule on each worker pass over minute rollups: a group interval is not supported',
  query_offset: 'Spanlens evaluates each service at its watermark, where its data is complete: query_offset is not supported',
  limit: 'alert limits per group are not supported',
}
const RULE_KEYS = ['alert', 'spanlens', 'for', 'keep_firing_for', 'labels', 'annotations', 'channels', 'enabled']
const SELECTOR_KEYS = ['kind', 'service', 'operation', 'span_kind', 'window', 'min_spans']
/** Each kind's condition fields as the file spells them (snake_case of the schema's). */
const CONDITION_KEYS = Object.fromEntries(
  conditionSchema.options.map((option) => [
    option.shape.kind.value,
    Object.keys(option.shape)
      .filter((key) => key !== 'kind')
      .map(snake),
  ]),
) as Record<RuleKind, string[]>
/** Condition fields written as durations ("10m"); the schema keeps seconds. */
const DURATION_FIELDS = new Set(['silentFor'])

export function parseRulesYaml(text: string): RulesYamlResult {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  if (normalized.length > MAX_RULES_BYTES || new TextEncoder().encode(normalized).byteLength > MAX_RULES_BYTES)
    return failed(`the file is larger than ${MAX_RULES_BYTES / 1024 / 1024} MB; split it`)
  if (normalized.trim() === '') return failed('the file is empty: no alert rules to import')
  const lineCounter = new LineCounter()
  const documents = parseAllDocuments(normalized, { lineCounter, prettyErrors: false })
  const errors: RulesYamlError[] = []
  const at = (document: Document, path: YamlPath, message: string) =>
    errors.push({ ...keyPosition(document, path, lineCounter), path: pathLabel(path), message })
  for (const document of documents)
    for (const error of document.errors)
      errors.push({ ...positionAt(lineCounter, error.pos[0]), path: '', message: yamlErrorMessage(error) })
  if (errors.length > 0) return { ok: false, errors: sorted(errors) }

  const candidates: { rule: unknown; source: RuleSource }[] = []
  const groupLines = new Map<string, number>()
  for (const document of documents) {
    let root: unknown
    try {
      root = document.toJS()
    } catch (error) {
      // yaml refuses to expand aliases past maxAliasCount (100): a file that would blow up in memory.
      at(document, [], error instanceof Error ? error.message : String(error))
      continue
    }
    if (root === null || root === undefined) continue // an empty document: `---` alone
    if (!isRecord(root)) {
      at(document, [], 'expected a mapping with groups: (the Prometheus rule-file layout)')
      continue
    }
    if ('tests' in root || 'rule_files' in root) {
      at(document, [], 'this is a promtool test file (rule_files, tests); import the rule file it tests, with spanlens: conditions')
      continue
    }
    for (const key of Object.keys(root).filter((key) => key !== 'groups')) at(document, [key], unknownKeyMessage(key, ['groups']))
    if (!Array.isArray(root.groups)) {
      at(document, ['groups'], 'groups: is required: a list of groups, each with a name and rules')
      continue
    }
    root.groups.forEach((group: unknown, groupIndex) => {
      const path = ['groups', groupIndex]
      if (!isRecord(group)) return at(document, path, 'expected a group: a mapping with name and rules')
      for (const key of Object.keys(group).filter((key) => !GROUP_KEYS.includes(key)))
        at(document, [...path, key], REFUSED_GROUP_KEYS[key] ?? unknownKeyMessage(key, GROUP_KEYS))
      const line = keyPosition(document, [...path, 'name'], lineCounter).line
      if (typeof group.name !== 'string' || group.name.trim() === '') at(document, [...path, 'name'], 'every group needs a name')
      else if (groupLines.has(group.name))
        at(document, [...path, 'name'], `group ${group.name} is given twice: on line ${groupLines.get(group.name)} and line ${line}`)
      else groupLines.set(group.name, line)
      if (group.labels !== undefined && !isRecord(group.labels))
        at(document, [...path, 'labels'], 'expected labels: a mapping of name: value')
      if (!Array.isArray(group.rules)) return at(document, [...path, 'rules'], 'rules: is required: a list of alert rules')
      const groupLabels = isRecord(group.labels) ? textValues(document, [...path, 'labels'], group.labels) : {}
      group.rules.forEach((rule: unknown, ruleIndex) => {
        const read = readRule(document, [...path, 'rules', ruleIndex], rule, groupLabels, at)
        if (read) candidates.push(read)
      })
    })
  }

  const rules: AlertRule[] = []
  const sources: RuleSource[] = []
  for (const { rule, source } of candidates) {
    const parsed = alertRuleInput.safeParse(rule)
    if (parsed.success) {
      rules.push(parsed.data)
      sources.push(source)
    }
    for (const issue of parsed.error?.issues ?? []) {
      const [head] = issue.path
      if ((head === 'condition' || head === 'selector') && !source.readsCondition) continue // reported as missing spanlens:
      at(source.document, sourcePath(issue.path, source), issueMessage(issue, rule))
    }
  }
  for (const conflict of findRuleConflicts(rules)) {
    const source = sources[conflict.index]!
    const other = sources[conflict.otherIndex]!
    const otherLine = keyPosition(other.document, other.path, lineCounter).line
    at(source.document, sourcePath(conflict.path.split('.'), source), `${conflict.message} (the other rule is on line ${otherLine})`)
  }
  if (errors.length === 0 && rules.length === 0) return failed('the file has no alert rules')
  if (errors.length > 0) return { ok: false, errors: dedupe(sorted(errors)) }
  return { ok: true, rules }
}

/** One rule as the schema reads it, or null when it is not an alert rule at all (reported). */
function readRule(
  document: Document,
  path: YamlPath,
  raw: unknown,
  groupLabels: Record<string, unknown>,
  at: (document: Document, path: YamlPath, message: string) => void,
): { rule: unknown; source: RuleSource } | null {
  if (!isRecord(raw)) return (at(document, path, 'expected a rule: a mapping with alert: and spanlens:'), null)
  if ('record' in raw)
    return (
      at(document, [...path, 'record'], 'recording rules are not supported: Spanlens alerts on span rollups, not PromQL series'),
      null
    )
  for (const key of Object.keys(raw).filter((key) => !RULE_KEYS.includes(key) && key !== 'expr'))
    at(document, [...path, key], unknownKeyMessage(key, RULE_KEYS))
  if ('expr' in raw)
    at(
      document,
      [...path, 'expr'],
      'spanlens' in raw
        ? 'Spanlens does not evaluate PromQL: remove expr: and keep spanlens:'
        : 'Spanlens does not evaluate PromQL; describe the condition under spanlens:',
    )
  else if (!('spanlens' in raw)) at(document, path, 'spanlens: is required: the condition Spanlens evaluates (kind, service, …)')
  const spanlens = raw.spanlens
  if (spanlens !== undefined && !isRecord(spanlens))
    at(document, [...path, 'spanlens'], 'expected spanlens: to be a mapping (kind, service, …)')

  const labelPaths = new Map<string, YamlPath>()
  const groupLabelsPath = [...path.slice(0, -2), 'labels']
  for (const name of Object.keys(groupLabels)) labelPaths.set(name, [...groupLabelsPath, name])
  const ownLabels = isRecord(raw.labels) ? textValues(document, [...path, 'labels'], raw.labels) : raw.labels
  if (isRecord(ownLabels)) for (const name of Object.keys(ownLabels)) labelPaths.set(name, [...path, 'labels', name])
  const merged = ownLabels === undefined || isRecord(ownLabels) ? { ...groupLabels, ...ownLabels } : null
  const { severity, ...labels } = merged ?? {}
  const annotations = isRecord(raw.annotations) ? textValues(document, [...path, 'annotations'], raw.annotations) : raw.annotations
  if (isRecord(annotations))
    for (const [name, template] of Object.entries(annotations)) {
      const problem =
        typeof template === 'string' ? checkTemplate(template, { kind: isRecord(spanlens) ? spanlens.kind : undefined }) : null
      if (problem) at(document, [...path, 'annotations', name], problem)
    }

  const rule: Record<string, unknown> = {
    name: raw.alert,
    enabled: raw.enabled,
    for: raw.for,
    keepFiringFor: raw.keep_firing_for,
    severity,
    labels: merged ? labels : ownLabels,
    annotations,
    channels: raw.channels,
  }
  if (isRecord(spanlens)) {
    const kind = spanlens.kind as RuleKind
    const conditionKeys = Object.hasOwn(CONDITION_KEYS, kind) ? CONDITION_KEYS[kind] : Object.values(CONDITION_KEYS).flat()
    for (const key of Object.keys(spanlens).filter((key) => !SELECTOR_KEYS.includes(key) && !conditionKeys.includes(key)))
      at(document, [...path, 'spanlens', key], unknownKeyMessage(key, [...SELECTOR_KEYS, ...conditionKeys]))
    const condition = Object.fromEntries(conditionKeys.filter((key) => key in spanlens).map((key) => [camel(key), spanlens[key]]))
    rule.condition = { kind: spanlens.kind, ...condition }
    rule.selector = { service: spanlens.service, operation: spanlens.operation, spanKind: spanlens.span_kind }
    rule.window = spanlens.window
    rule.minSpans = spanlens.min_spans
  }
  return { rule, source: { document, path, labelPaths, readsCondition: isRecord(spanlens) } }
}

/** Rules in the file layout: one group per service, in the order services first appear; defaults left out. */
export function formatRulesYaml(rules: readonly AlertRule[]): string {
  const groups = new Map<string, Record<string, unknown>[]>()
  for (const rule of rules) groups.set(rule.selector.service, [...(groups.get(rule.selector.service) ?? []), ruleYaml(rule)])
  const file = { groups: [...groups].map(([service, groupRules]) => ({ name: service, rules: groupRules })) }
  return `# Spanlens alert rules: the Prometheus rule-file layout, with the condition under spanlens:\n${stringify(file, { lineWidth: 0 })}`
}

function ruleYaml(rule: AlertRule): Record<string, unknown> {
  const { kind, ...condition } = rule.condition
  const conditionFields = Object.entries(condition).map(([key, value]) => [
    snake(key),
    DURATION_FIELDS.has(key) ? formatPrometheusDuration(value as number) : value,
  ])
  const { service, operation, spanKind } = rule.selector
  return {
    alert: rule.name,
    spanlens: {
      kind,
      ...Object.fromEntries(conditionFields),
      service,
      ...(operation === undefined ? {} : { operation }),
      ...(spanKind === undefined ? {} : { span_kind: spanKind }),
      window: formatPrometheusDuration(rule.window),
      ...(rule.minSpans === 0 ? {} : { min_spans: rule.minSpans }),
    },
    ...(rule.for === 0 ? {} : { for: formatPrometheusDuration(rule.for) }),
    ...(rule.keepFiringFor === 0 ? {} : { keep_firing_for: formatPrometheusDuration(rule.keepFiringFor) }),
    labels: { severity: rule.severity, ...rule.labels },
    ...(Object.keys(rule.annotations).length === 0 ? {} : { annotations: rule.annotations }),
    ...(rule.channels.length === 0 ? {} : { channels: rule.channels }),
    ...(rule.enabled ? {} : { enabled: false }),
  }
}

/** Where an issue on the schema's rule (condition.factor, severity, labels.team) was written in the file. */
function sourcePath(issuePath: readonly PropertyKey[], { path, labelPaths }: RuleSource): YamlPath {
  const [head, next, ...rest] = issuePath.map((part) => (typeof part === 'number' ? part : String(part)))
  if (head === 'name') return [...path, 'alert']
  if (head === 'condition' || head === 'selector')
    return next === undefined ? [...path, 'spanlens'] : [...path, 'spanlens', snake(String(next)), ...rest]
  if (head === 'window' || head === 'minSpans') return [...path, 'spanlens', snake(head)]
  if (head === 'severity') return labelPaths.get('severity') ?? [...path, 'labels']
  if (head === 'labels' && next !== undefined) return labelPaths.get(String(next)) ?? [...path, 'labels', next, ...rest]
  return [...path, snake(String(head)), ...(next === undefined ? [] : [next]), ...rest]
}

type Issue = { code: string; message: string; path: PropertyKey[]; issues?: { message: string }[]; options?: unknown[] }

function issueMessage(issue: Issue, rule: unknown) {
  if (issue.path[0] === 'severity' && isRecord(rule))
    return `severity ${JSON.stringify(rule.severity)} is not one of ${SEVERITIES.join(', ')}: route on another label (team, page) instead`
  if (issue.code === 'invalid_key') return issue.issues?.[0]?.message ?? issue.message
  if (issue.code === 'invalid_union' && Array.isArray(issue.options)) return `kind is one of ${issue.options.join(', ')}`
  return issue.message
}

/** Label and annotation values as written: `tier: 1` is the text "1", `version: 1.0` is "1.0" (as Prometheus reads them). */
function textValues(document: Document, path: YamlPath, values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => {
      const node = document.getIn([...path, name], true)
      const written = (typeof value === 'number' || typeof value === 'boolean') && isScalar(node) ? (node.source ?? String(value)) : value
      return [name, written]
    }),
  )
}

function snake(key: string) {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)
}
const camel = (key: string) => key.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase())
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const sorted = (errors: RulesYamlError[]) => errors.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0))
const dedupe = (errors: RulesYamlError[]) =>
  errors.filter((error, index) => errors.findIndex((other) => other.line === error.line && other.message === error.message) === index)
const failed = (message: string): RulesYamlResult => ({ ok: false, errors: [{ line: 1, path: '', message }] })

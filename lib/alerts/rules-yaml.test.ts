import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { findRuleConflicts } from './rule-conflicts'
import { formatRulesYaml, parseRulesYaml, type RulesYamlResult } from './rules-yaml'
import { alertRuleInput, type AlertRule, type AlertRuleInput } from './schemas'

// The public Prometheus rule files (fixtures/formats/FORMATS-SOURCES.md, "prometheus-rules/"), read as they are.
const PROMETHEUS = path.resolve(import.meta.dirname, '../../fixtures/formats/prometheus-rules')
const sample = (file: string) => fs.readFileSync(path.join(PROMETHEUS, file), 'utf8')
const DEMO_RULES = path.resolve(import.meta.dirname, '../../fixtures/alert-rules/demo-rules.yaml')

/** The 1-based lines of `file` whose text matches, read from the file rather than counted by hand. */
const linesOf = (text: string, pattern: RegExp) => text.split('\n').flatMap((line, index) => (pattern.test(line) ? [index + 1] : []))

const rulesOf = (result: RulesYamlResult) => {
  if (!result.ok) throw new Error(`expected valid rules, got ${JSON.stringify(result.errors, null, 2)}`)
  return result.rules
}
/** [line, path, part of the message] per error, in the order reported. */
const expectErrors = (result: RulesYamlResult, expected: [number, string, string][]) => {
  if (result.ok) throw new Error('expected errors, got valid rules')
  expect(result.errors.map(({ line, path }) => [line, path])).toEqual(expected.map(([line, at]) => [line, at]))
  expected.forEach(([, , message], index) => expect(result.errors[index]?.message).toContain(message))
}

const PROMQL = 'Spanlens does not evaluate PromQL; describe the condition under spanlens:'
const RECORDING = 'recording rules are not supported'

describe('the public Prometheus rule files are refused, line by line', () => {
  test('bad_field.bad.yaml: the PromQL expr and the misspelt annotation key', () => {
    const text = sample('bad_field.bad.yaml')
    const [expr] = linesOf(text, /^\s+expr:/)
    const [annotation] = linesOf(text, /^\s+annotation:/)
    expectErrors(parseRulesYaml(text), [
      [expr!, 'groups[0].rules[0].expr', PROMQL],
      [annotation!, 'groups[0].rules[0].annotation', 'unknown key "annotation" (did you mean annotations?)'],
    ])
    expect(parseRulesYaml(text)).toMatchObject({ ok: false, errors: [{ column: 9 }, { column: 9 }] })
  })

  test('record_and_keep_firing_for.bad.yaml: one error, at the record line', () => {
    const text = sample('record_and_keep_firing_for.bad.yaml')
    expectErrors(parseRulesYaml(text), [[linesOf(text, /record:/)[0]!, 'groups[0].rules[0].record', RECORDING]])
  })

  test('rules.yml: each expr of an alert and each record, and the page severity', () => {
    const text = sample('rules.yml')
    const [firstExpr, secondExpr] = linesOf(text, /^\s+expr:/)
    const records = linesOf(text, /^\s+- record:/)
    expect(records).toHaveLength(3)
    expectErrors(parseRulesYaml(text), [
      [firstExpr!, 'groups[0].rules[0].expr', PROMQL],
      [linesOf(text, /severity: page/)[0]!, 'groups[0].rules[0].labels.severity', 'severity "page" is not one of critical, warning, info'],
      [secondExpr!, 'groups[0].rules[1].expr', PROMQL],
      ...records.map((line, index): [number, string, string] => [line, `groups[1].rules[${index}].record`, RECORDING]),
    ])
  })

  test('test.yaml: group intervals, every alert expr and every record (rules repeating a name are not valid, so not compared)', () => {
    const text = sample('test.yaml')
    const intervals = linesOf(text, /^\s+interval:/)
    const alerts = linesOf(text, /^\s+- alert:/).map((line) => line + 1) // each alert's expr is on its next line
    const records = linesOf(text, /^\s+- record:/)
    expect(alerts.map((line) => text.split('\n')[line - 1])).toEqual(alerts.map(() => expect.stringMatching(/^\s+expr: \|$/)))
    const expected: [number, string, string][] = [
      [intervals[0]!, 'groups[0].interval', 'a group interval is not supported'],
      [alerts[0]!, 'groups[0].rules[0].expr', PROMQL],
      [records[0]!, 'groups[0].rules[1].record', RECORDING],
      [alerts[1]!, 'groups[0].rules[2].expr', PROMQL],
      [intervals[1]!, 'groups[1].interval', 'a group interval is not supported'],
      [alerts[2]!, 'groups[1].rules[0].expr', PROMQL],
      [records[1]!, 'groups[1].rules[1].record', RECORDING],
      [alerts[3]!, 'groups[1].rules[2].expr', PROMQL],
    ]
    expectErrors(parseRulesYaml(text), expected)
  })

  test('rules_multi_doc.yaml: both documents are read; the record in the first is refused', () => {
    const text = sample('rules_multi_doc.yaml')
    expectErrors(parseRulesYaml(text), [[linesOf(text, /record:/)[0]!, 'groups[0].rules[0].record', RECORDING]])
  })

  test('the documentation examples: group labels are taken, PromQL and severity page are not', () => {
    const text = sample('docs-alerting_rules-example-1.yml')
    expectErrors(parseRulesYaml(text), [
      [linesOf(text, /expr:/)[0]!, 'groups[0].rules[0].expr', PROMQL],
      [linesOf(text, /severity:/)[0]!, 'groups[0].rules[0].labels.severity', 'severity "page"'],
    ])
    // Its {{ $labels.instance }} and {{ $value }} templates check: only the expr and severity lines are named.
    const second = sample('docs-alerting_rules-example-2.yml')
    expect(parseRulesYaml(second)).toMatchObject({ ok: false, errors: [{ line: 7 }, { line: 10 }, { line: 17 }] })
  })

  test.each(['unittest.yml', 'failing.yml'])('%s is a promtool test file, named as such', (file) => {
    expectErrors(parseRulesYaml(sample(file)), [[1, '', 'this is a promtool test file']])
  })
})

describe('our rules file', () => {
  test('fixtures/alert-rules/demo-rules.yaml parses, group labels merged and severity taken from labels', () => {
    const rules = rulesOf(parseRulesYaml(fs.readFileSync(DEMO_RULES, 'utf8')))
    expect(rules.map((rule) => [rule.name, rule.condition.kind, rule.severity, rule.labels])).toEqual([
      ['TransactionsSlow', 'latency_baseline', 'critical', { team: 'payments-core' }],
      ['CheckoutP99High', 'latency_threshold', 'warning', { team: 'platform-sre' }],
      ['PaymentErrors', 'error_rate', 'critical', { team: 'payments-core' }],
      ['TracesIncomplete', 'trace_reliability', 'info', {}],
      ['ServiceSilent', 'no_data', 'warning', {}],
      ['CanaryRegression', 'canary_regression', 'critical', {}],
    ])
    expect(rules[0]).toMatchObject({
      condition: { kind: 'latency_baseline', factor: 2 },
      selector: { service: 'transactions-service', operation: 'SELECT transactions', spanKind: 'client' },
      window: 300,
      minSpans: 20,
      for: 600,
      keepFiringFor: 300,
      channels: ['demo-receiver'],
      enabled: true,
    })
    expect(rules[4]?.condition).toEqual({ kind: 'no_data', silentFor: 1800 })
  })

  const rule = (body: string) => `groups:\n  - name: g\n    rules:\n      - alert: Slow\n${body}`
  const SPANLENS = '        spanlens: { kind: error_rate, above: 0.1, service: api }\n'

  test.each<[string, string, [number, string, string][]]>([
    ['a missing spanlens:', '        for: 5m\n', [[4, 'groups[0].rules[0]', 'spanlens: is required']]],
    ['expr: beside spanlens:', `${SPANLENS}        expr: up == 0\n`, [[6, 'groups[0].rules[0].expr', 'remove expr: and keep spanlens:']]],
    [
      'a kind that is not one',
      '        spanlens: { kind: latency, service: api }\n',
      [[5, 'groups[0].rules[0].spanlens.kind', 'kind is one of latency_threshold']],
    ],
    [
      'a field of another kind',
      '        spanlens: { kind: error_rate, above: 0.1, factor: 2, service: api }\n',
      [[5, 'groups[0].rules[0].spanlens.factor', 'unknown key "factor"']],
    ],
    [
      'an error rate above 1, at its key',
      '        spanlens:\n          kind: error_rate\n          above: 5\n          service: api\n',
      [[7, 'groups[0].rules[0].spanlens.above', 'expected an error rate']],
    ],
    [
      'a bad duration',
      `${SPANLENS}        for: 5 minutes\n`,
      [[6, 'groups[0].rules[0].for', 'expected a duration such as 30s, 5m or 1h30m']],
    ],
    ['keep_firing_for too long', `${SPANLENS}        keep_firing_for: 2d\n`, [[6, 'groups[0].rules[0].keep_firing_for', 'at most 1d']]],
    [
      'a reserved label',
      `${SPANLENS}        labels:\n          service: other\n`,
      [[7, 'groups[0].rules[0].labels.service', 'service is set by Spanlens']],
    ],
    [
      'a label name that is not one',
      `${SPANLENS}        labels: { team-name: x }\n`,
      [[6, 'groups[0].rules[0].labels["team-name"]', 'a label name is letters']],
    ],
    [
      'a label value that is a template',
      `${SPANLENS}        labels:\n          team: "{{ $labels.job }}"\n`,
      [[7, 'groups[0].rules[0].labels.team', 'label values are not templates; use an annotation']],
    ],
    [
      'a template that does not check',
      `${SPANLENS}        annotations:\n          summary: "{{ $value | humanize }}"\n`,
      [[7, 'groups[0].rules[0].annotations.summary', 'is Go template syntax']],
    ],
    [
      'a channel that is not text',
      `${SPANLENS}        channels: [ops, 3]\n`,
      [[6, 'groups[0].rules[0].channels[1]', 'expected a channel name']],
    ],
    [
      'enabled: yes is not a boolean in YAML 1.2',
      `${SPANLENS}        enabled: yes\n`,
      [[6, 'groups[0].rules[0].enabled', 'expected boolean']],
    ],
  ])('refused: %s', (_label, body, expected) => {
    expectErrors(parseRulesYaml(rule(body)), expected)
  })

  test('label values are text as written; a group severity applies to its rules and a rule label wins', () => {
    const text =
      'groups:\n  - name: g\n    labels: { severity: critical, tier: 1 }\n    rules:\n      - alert: A\n        spanlens: { kind: error_rate, above: 0.1, service: api }\n        labels: { version: 1.0 }\n      - alert: B\n        spanlens: { kind: error_rate, above: 0.1, service: web }\n        labels: { severity: info, tier: "2" }\n'
    expect(rulesOf(parseRulesYaml(text)).map(({ severity, labels }) => ({ severity, labels }))).toEqual([
      { severity: 'critical', labels: { tier: '1', version: '1.0' } },
      { severity: 'info', labels: { tier: '2' } },
    ])
  })

  test('a group label value that is a template is named once, in the group', () => {
    const text =
      'groups:\n  - name: g\n    labels: { team: "{{ $labels.job }}" }\n    rules:\n      - alert: A\n        spanlens: { kind: error_rate, above: 0.1, service: api }\n      - alert: B\n        spanlens: { kind: error_rate, above: 0.1, service: web }\n'
    expectErrors(parseRulesYaml(text), [[3, 'groups[0].labels.team', 'label values are not templates']])
  })

  test('several documents make one file; group names are unique across it', () => {
    const group = (name: string, alert: string, service: string) =>
      `groups:\n  - name: ${name}\n    rules:\n      - alert: ${alert}\n        spanlens: { kind: no_data, silent_for: 10m, service: ${service} }\n`
    const twoDocuments = `${group('a', 'One', 'api')}---\n${group('b', 'Two', 'web')}---\n`
    expect(rulesOf(parseRulesYaml(twoDocuments)).map(({ name }) => name)).toEqual(['One', 'Two'])
    expectErrors(parseRulesYaml(`${group('a', 'One', 'api')}---\n${group('a', 'Two', 'web')}`), [
      [8, 'groups[0].name', 'group a is given twice: on line 2 and line 8'],
    ])
  })

  test('conflicting rules are named at the later one, pointing at the earlier', () => {
    const text =
      'groups:\n  - name: g\n    rules:\n      - alert: Slow\n        spanlens: { kind: error_rate, above: 0.1, service: api }\n      - alert: slow\n        spanlens: { kind: error_rate, above: 0.2, service: web }\n'
    expectErrors(parseRulesYaml(text), [
      [
        6,
        'groups[0].rules[1].alert',
        'another rule is named "Slow"; rule names are unique, whatever their case (the other rule is on line 4)',
      ],
    ])
  })

  test.each<[string, string, [number, string, string][]]>([
    ['empty', '  \n', [[1, '', 'the file is empty']]],
    ['no rules', 'groups: []\n', [[1, '', 'the file has no alert rules']]],
    ['not YAML', 'groups:\n  - name: [a\n', [[3, '', 'Flow sequence in block collection must be sufficiently indented and end with a ]']]],
    ['a duplicate key', 'groups: []\ngroups: []\n', [[2, '', 'Map keys must be unique']]],
    ['a list at the top', '- alert: A\n', [[1, '', 'expected a mapping with groups:']]],
    ['an unknown top-level key', 'groups: []\nalerts: []\n', [[2, 'alerts', 'unknown key "alerts"']]],
    [
      'a group without name or rules',
      'groups:\n  - labels: {}\n',
      [
        [2, 'groups[0].name', 'every group needs a name'],
        [2, 'groups[0].rules', 'rules: is required'],
      ],
    ],
    [
      'limit and query_offset',
      'groups:\n  - name: g\n    limit: 5\n    query_offset: 1m\n    rules: []\n',
      [
        [3, 'groups[0].limit', 'alert limits'],
        [4, 'groups[0].query_offset', 'query_offset is not supported'],
      ],
    ],
  ])('the file as a whole: %s', (_label, text, expected) => {
    expectErrors(parseRulesYaml(text), expected)
  })

  test('a canary_regression rule: a kind and a service; its annotations may name the canary', () => {
    const [canary] = rulesOf(
      parseRulesYaml(
        [
          'groups:',
          '  - name: deployments',
          '    rules:',
          '      - alert: CanaryFails',
          '        spanlens: { kind: canary_regression, service: "checkout*" }',
          '        for: 2m',
          '        labels: { severity: critical, team: payments }',
          '        annotations:',
          '          summary: "{{ $labels.service }} {{ $labels.version }}: {{ canary.reason }} (score {{canary.score}})"',
          '',
        ].join('\n'),
      ),
    )
    expect(canary).toMatchObject({
      name: 'CanaryFails',
      condition: { kind: 'canary_regression' },
      selector: { service: 'checkout*' },
      for: 120,
      severity: 'critical',
      labels: { team: 'payments' },
    })
  })

  test.each<[string, string, [number, string, string][]]>([
    [
      'an operation',
      '        spanlens: { kind: canary_regression, service: api, operation: "GET *" }\n',
      [[5, 'groups[0].rules[0].spanlens.operation', 'a canary_regression rule watches whole services']],
    ],
    [
      'a condition field of another kind',
      '        spanlens: { kind: canary_regression, service: api, above: 0.1 }\n',
      [[5, 'groups[0].rules[0].spanlens.above', 'unknown key "above"']],
    ],
    [
      'a version label',
      '        spanlens: { kind: canary_regression, service: api }\n        labels:\n          version: "2.0"\n',
      [[7, 'groups[0].rules[0].labels.version', 'version is set by Spanlens from the deployment']],
    ],
    [
      'canary variables in another kind',
      `${SPANLENS}        annotations:\n          summary: "{{canary.reason}}"\n`,
      [[7, 'groups[0].rules[0].annotations.summary', '"canary.reason" is set on canary_regression alerts only']],
    ],
  ])('a canary rule refused: %s', (_label, body, expected) => {
    expectErrors(parseRulesYaml(rule(body)), expected)
  })

  test('aliases past yaml’s limit are refused, not expanded', () => {
    // 10 aliases per level, 12 levels: 10^12 nodes if expanded (a "billion laughs" file).
    const levels = Array.from({ length: 12 }, (_, level) => `l${level + 1}: &l${level + 1} [${Array(10).fill(`*l${level}`).join(', ')}]`)
    const bomb = ['l0: &l0 [x]', ...levels, 'groups: []'].join('\n')
    expect(parseRulesYaml(bomb)).toMatchObject({ ok: false, errors: [{ line: 1, message: expect.stringContaining('alias') }] })
  })
})

describe('formatRulesYaml', () => {
  test('the demo file survives a round trip', () => {
    const rules = rulesOf(parseRulesYaml(fs.readFileSync(DEMO_RULES, 'utf8')))
    expect(rulesOf(parseRulesYaml(formatRulesYaml(rules)))).toEqual(groupedByService(rules))
  })

  test('one group per service, defaults left out, durations as Prometheus writes them', () => {
    const rule = alertRuleInput.parse({ name: 'Silent', condition: { kind: 'no_data', silentFor: 5400 }, selector: { service: '*' } })
    expect(formatRulesYaml([rule])).toBe(
      [
        '# Spanlens alert rules: the Prometheus rule-file layout, with the condition under spanlens:',
        'groups:',
        '  - name: "*"',
        '    rules:',
        '      - alert: Silent',
        '        spanlens:',
        '          kind: no_data',
        '          silent_for: 1h30m',
        '          service: "*"',
        '          window: 5m',
        '        labels:',
        '          severity: warning',
        '',
      ].join('\n'),
    )
  })

  test('a canary rule: its kind alone, no condition fields', () => {
    const rule = alertRuleInput.parse({ name: 'CanaryFails', condition: { kind: 'canary_regression' }, selector: { service: 'checkout' } })
    expect(formatRulesYaml([rule])).toContain(
      ['        spanlens:', '          kind: canary_regression', '          service: checkout'].join('\n'),
    )
    expect(rulesOf(parseRulesYaml(formatRulesYaml([rule])))).toEqual([rule])
  })

  test('property: parse(format(rules)) gives the rules back, grouped by service', () => {
    fc.assert(
      fc.property(fc.uniqueArray(ruleArbitrary, { minLength: 1, maxLength: 6, selector: (rule) => rule.name.toLowerCase() }), (inputs) => {
        const rules = inputs.map((input) => alertRuleInput.parse(input))
        fc.pre(findRuleConflicts(rules).length === 0) // conflicting rules are refused on import by design
        expect(rulesOf(parseRulesYaml(formatRulesYaml(rules)))).toEqual(groupedByService(rules))
      }),
      { numRuns: 200 },
    )
  })
})

const groupedByService = (rules: AlertRule[]) => {
  const services = [...new Set(rules.map((rule) => rule.selector.service))]
  return services.flatMap((service) => rules.filter((rule) => rule.selector.service === service))
}

/** Text that survives the schema's trim and control-character check, with YAML's awkward characters in it. */
const text = (max: number, lines = false) =>
  fc
    .string({
      unit: fc.constantFrom(
        'a',
        'Z',
        '9',
        ' ',
        '*',
        '#',
        ':',
        '-',
        '"',
        "'",
        '&',
        '{',
        '}',
        '|',
        '>',
        '%',
        '@',
        'é',
        '☃',
        ...(lines ? ['\n'] : []),
      ),
      minLength: 1,
      maxLength: max,
    })
    .map((value) => value.trim())
    .filter((value) => value !== '')
const labelName = fc
  .stringMatching(/^[a-z][a-z0-9_]{0,8}$/)
  .filter((name) => !['alertname', 'service', 'operation', 'span_kind', 'severity', 'version', 'baseline_version'].includes(name))
const seconds = (max: number) => fc.integer({ min: 0, max }).map((value) => value * 60)

const ruleArbitrary: fc.Arbitrary<AlertRuleInput> = fc
  .record(
    {
      name: text(40),
      enabled: fc.boolean(),
      condition: fc.oneof(
        fc.record({
          kind: fc.constant('latency_threshold' as const),
          percentile: fc.constantFrom('p50' as const, 'p95' as const, 'p99' as const),
          aboveMs: fc.double({ min: 0.001, max: 1e6, noNaN: true }),
        }),
        fc
          .record(
            { kind: fc.constant('latency_baseline' as const), factor: fc.double({ min: 1, max: 100, noNaN: true }) },
            { requiredKeys: ['kind'] },
          )
          .map((condition) => ({ deviation: 3, ...condition })),
        fc.record({ kind: fc.constant('error_rate' as const), above: fc.double({ min: 0, max: 1, noNaN: true }) }),
        fc.record({ kind: fc.constant('no_data' as const), silentFor: seconds(60).map((value) => value + 60) }),
        fc.record({ kind: fc.constant('canary_regression' as const) }),
      ),
      selector: fc.record(
        { service: fc.oneof(fc.constant('*'), text(30)), spanKind: fc.constantFrom('server' as const, 'client' as const) },
        { requiredKeys: ['service'] },
      ),
      window: seconds(1440).map((value) => Math.max(60, value)),
      for: seconds(1440),
      keepFiringFor: seconds(1440),
      minSpans: fc.nat(1_000_000),
      severity: fc.constantFrom('critical' as const, 'warning' as const, 'info' as const),
      labels: fc.dictionary(
        labelName,
        text(20).filter((value) => !value.includes('{{')),
        { maxKeys: 3 },
      ),
      annotations: fc.dictionary(
        labelName,
        text(80, true).filter((value) => !value.includes('{{') && !value.includes('}}')),
        { maxKeys: 3 },
      ),
      channels: fc.array(text(20), { maxLength: 3 }),
    },
    { requiredKeys: ['name', 'condition', 'selector'] },
  )
  // A canary rule watches whole services: no span kind.
  .map((rule) => (rule.condition.kind === 'canary_regression' ? { ...rule, selector: { service: rule.selector.service } } : rule))

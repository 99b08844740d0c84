import { describe, expect, test } from 'vitest'
import { checkTemplate, renderAnnotations, type TemplateContext } from './rule-templates'

const CONTEXT: TemplateContext = {
  labels: { alertname: 'CheckoutSlow', service: 'payment-gateway', operation: 'POST /api/pay', team: 'payments' },
  value: 1234.5678,
  threshold: 500,
  rule: {
    name: 'CheckoutSlow',
    severity: 'critical',
    condition: { kind: 'latency_threshold', percentile: 'p95', aboveMs: 500 },
    window: 300,
    for: 600,
  },
}
const render = (text: string, context: TemplateContext = CONTEXT) => renderAnnotations({ summary: text }, context).summary

describe('renderAnnotations', () => {
  test.each([
    ['labels', '{{labels.service}} {{labels.operation}} is slow', 'payment-gateway POST /api/pay is slow'],
    ['value and threshold, 4 significant digits (humanize)', 'p95 {{value}} ms > {{threshold}} ms', 'p95 1235 ms > 500 ms'],
    [
      'rule fields, durations as Prometheus writes them',
      '{{rule.name}} {{rule.severity}} {{rule.kind}} {{rule.window}} {{rule.for}}',
      'CheckoutSlow critical latency_threshold 5m 10m',
    ],
    ['a missing label is empty', 'team {{labels.nobody}}.', 'team .'],
    [
      'a section on a label',
      '{{#labels.team}}owned by {{labels.team}}{{/labels.team}}{{^labels.tier}}, no tier{{/labels.tier}}',
      'owned by payments, no tier',
    ],
    ['never HTML-escaped', '{{labels.operation}} & <b>', 'POST /api/pay & <b>'],
    ['Prometheus $labels and $value', 'Instance {{ $labels.service }} at {{ $value }}', 'Instance payment-gateway at 1235'],
    ['Prometheus $.labels', "stuff's happening with {{ $.labels.service }}", "stuff's happening with payment-gateway"],
    ['Prometheus without spaces', '{{$labels.team}}', 'payments'],
    ['a name of Object.prototype is not reached', '[{{labels.constructor}}]', '[]'],
  ])('%s', (_label, text, expected) => {
    expect(render(text)).toBe(expected)
  })

  test('no threshold renders empty; small and zero values keep their digits', () => {
    expect(render('{{value}}/{{threshold}}', { ...CONTEXT, value: 0.000123456, threshold: null })).toBe('0.0001235/')
    expect(render('{{value}}', { ...CONTEXT, value: 0 })).toBe('0')
  })

  test('a template that does not parse is kept as written', () => {
    expect(renderAnnotations({ summary: 'slow {{labels.service', runbook_url: 'https://runbooks/{{labels.team}}' }, CONTEXT)).toEqual({
      summary: 'slow {{labels.service',
      runbook_url: 'https://runbooks/payments',
    })
  })
})

describe('canary variables', () => {
  const canary: TemplateContext = {
    ...CONTEXT,
    labels: { service: 'checkout', version: '2.4.0' },
    rule: { ...CONTEXT.rule, condition: { kind: 'canary_regression' } },
    canary: { reason: 'p95 is 31 % higher on the canary', score: 40, url: '/deployments/d-1' },
  }

  test('render the deployment: the first reason, the score, the page', () => {
    expect(render('{{labels.version}}: {{canary.reason}} ({{canary.score}}) {{canary.url}}', canary)).toBe(
      '2.4.0: p95 is 31 % higher on the canary (40) /deployments/d-1',
    )
    expect(render('[{{canary.score}}]', { ...canary, canary: { ...canary.canary!, score: null } })).toBe('[]')
    expect(render('[{{canary.reason}}]')).toBe('[]') // not a canary alert
  })

  test("are a canary_regression rule's only", () => {
    expect(checkTemplate('{{canary.reason}} {{ $canary.url }}', { kind: 'canary_regression' })).toBeNull()
    expect(checkTemplate('{{canary.reason}}', { kind: 'error_rate' })).toContain('"canary.reason" is set on canary_regression alerts only')
    expect(checkTemplate('{{canary.reason}}')).toContain('canary_regression alerts only')
    expect(checkTemplate('{{canary.verdict}}', { kind: 'canary_regression' })).toContain(
      'unknown variable "canary.verdict": use labels.<name>, value, threshold, rule.name, rule.kind, rule.severity, rule.window, rule.for or canary.reason, canary.score, canary.url',
    )
  })
})

describe('checkTemplate', () => {
  test.each([
    ['plain text', 'Checkout is slow'],
    ['every variable', '{{labels.service}} {{{labels.team}}} {{&value}} {{threshold}} {{rule.name}} {{rule.window}}'],
    ['sections and the current item', '{{#labels.team}}{{.}}{{/labels.team}}{{^value}}none{{/value}}'],
    ['Prometheus spellings', '{{ $labels.instance }} of job {{ $labels.job }} (current value: {{ $value }}s) {{ $.labels.service }}'],
    ['a comment', '{{! why this fires }}slow'],
  ])('accepts %s', (_label, text) => {
    expect(checkTemplate(text)).toBeNull()
  })

  test.each([
    ['an unclosed tag, at its column', 'slow {{labels.service', 'a tag opened at column 6 is never closed with }}'],
    [
      'an unclosed tag after a $ was dropped: the column is the original',
      '{{ $value }} {{ $labels.x',
      'a tag opened at column 14 is never closed with }}',
    ],
    ['an unclosed tag on a later line', 'first\nsecond {{value', 'a tag opened at line 2, column 8 is never closed with }}'],
    ['an unclosed section', '{{#labels.team}}owned', 'the section {{#labels.team}} is never closed: end it with {{/labels.team}}'],
    ['an unopened section', 'owned{{/labels.team}}', '{{/labels.team}} at column 6 closes a section that was never opened'],
    [
      'an unknown variable',
      'p95 is {{p95}}',
      'unknown variable "p95": use labels.<name>, value, threshold or rule.name, rule.kind, rule.severity, rule.window, rule.for at column 8',
    ],
    ['an unknown rule field', '{{rule.nmae}}', 'unknown variable "rule.nmae"'],
    ['labels without a name', '{{labels}}', 'unknown variable "labels"'],
    ['a label name that is not one', '{{labels.a-b}}', 'unknown variable "labels.a-b"'],
    ['value with a field', '{{value.x}}', 'unknown variable "value.x"'],
    ['the current item outside a section', '{{.}}', 'unknown variable "."'],
    ['Prometheus $externalLabels', '{{ $externalLabels.cluster }}', 'unknown variable "externalLabels.cluster"'],
    ['a Go pipeline', '{{ $value | humanize }}', '"value | humanize" is Go template syntax'],
    ['a Go action', '{{ if $labels.team }}x{{ end }}', '"if $labels.team" is Go template syntax'],
    ['a Go function call', '{{ printf "%.2f" $value }}', 'is Go template syntax'],
    ['a partial', '{{> footer}}', 'partials ({{> footer}}) are not supported at column 1'],
    ['an unknown variable inside a section', '{{#labels.team}}{{owner}}{{/labels.team}}', 'unknown variable "owner"'],
  ])('refuses %s', (_label, text, message) => {
    expect(checkTemplate(text)).toContain(message)
  })
})

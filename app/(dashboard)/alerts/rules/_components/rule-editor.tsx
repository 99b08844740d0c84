'use client'

import { useMemo, useState } from 'react'
import { Button } from '@/components/ui/button'
import { Card, CardBody, CardHeader } from '@/components/ui/card'
import { Field, Input, Select } from '@/components/ui/field'
import { useFormAction } from '@/components/forms/use-form-action'
import { EMPTY_RULE_FORM, fieldOfIssue, formToRuleInput, withKind, type RuleForm } from '@/lib/alerts/rule-form'
import { alertRuleInput, PERCENTILES, RULE_KINDS, SEVERITIES, watchesWholeServices, type RuleKind } from '@/lib/alerts/schemas'
import { SPAN_KINDS } from '@/lib/traces/span'
import { saveAlertRuleAction } from '../new/actions'
import { BacktestPanel } from './backtest-panel'

const KIND_LABEL: Record<RuleKind, string> = {
  latency_baseline: 'Latency against its baseline',
  latency_threshold: 'Latency above a threshold',
  error_rate: 'Error rate',
  trace_reliability: 'Trace reliability',
  no_data: 'No data (silence)',
  canary_regression: 'Canary regression',
}

const TEXTAREA =
  'w-full rounded-md border border-border bg-surface px-3 py-2 text-sm text-foreground placeholder:text-muted focus:border-accent focus:outline-none focus:ring-2 focus:ring-ring aria-[invalid=true]:border-bad'

/**
 * The rule editor: the rule's fields, checked with the same schema the server saves with, and beside
 * them a backtest of the draft over real history that re-runs as the fields change.
 */
export function RuleEditor({
  id,
  initial = EMPTY_RULE_FORM,
  services,
  channels = [],
}: {
  id?: string
  initial?: RuleForm
  services: string[]
  /** Channel names that exist, to pick from and to say which named ones do not (yet). */
  channels?: string[]
}) {
  const [form, setForm] = useState<RuleForm>(initial)
  const [touched, setTouched] = useState<Set<keyof RuleForm>>(new Set())
  const { state, action, pending } = useFormAction(saveAlertRuleAction)
  const input = useMemo(() => formToRuleInput(form), [form])
  const parsed = useMemo(() => alertRuleInput.safeParse(input), [input])
  const clientErrors = useMemo(() => {
    const errors = new Map<string, string>()
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const field = fieldOfIssue(issue.path.join('.'))
        if (!errors.has(field)) errors.set(field, issue.message)
      }
    return errors
  }, [parsed])
  const serverErrors = useMemo(() => {
    const errors = new Map<string, string>()
    for (const [path, messages] of Object.entries(state.fieldErrors ?? {})) {
      const field = fieldOfIssue(path)
      if (messages?.[0] && !errors.has(field)) errors.set(field, messages[0])
    }
    return errors
  }, [state.fieldErrors])
  const errorOf = (field: keyof RuleForm) => (touched.has(field) ? clientErrors.get(field) : undefined) ?? serverErrors.get(field)
  const set = <K extends keyof RuleForm>(field: K, value: RuleForm[K]) => {
    setForm((previous) => ({ ...previous, [field]: value }))
    setTouched((previous) => new Set(previous).add(field))
  }
  const text = (
    field: keyof RuleForm,
    label: string,
    props: { hint?: string; placeholder?: string; inputMode?: 'decimal' | 'numeric' } = {},
  ) => (
    <Field label={label} htmlFor={`rule-${field}`} error={errorOf(field)} hint={props.hint}>
      <Input
        id={`rule-${field}`}
        value={String(form[field])}
        onChange={(event) => set(field, event.target.value as never)}
        placeholder={props.placeholder}
        inputMode={props.inputMode}
        aria-invalid={Boolean(errorOf(field))}
        aria-describedby={errorOf(field) ? `rule-${field}-error` : undefined}
      />
    </Field>
  )
  const wholeService = watchesWholeServices(form.kind)

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
      <form action={action} onSubmit={() => setTouched(new Set(Object.keys(form) as (keyof RuleForm)[]))} className="space-y-6" noValidate>
        <input type="hidden" name="id" value={id ?? ''} />
        <input type="hidden" name="rule" value={JSON.stringify(input)} />
        <Card>
          <CardHeader title="What to watch" description="A kind of signal, and the series it is read on." />
          <CardBody className="space-y-4">
            {text('name', 'Name', { placeholder: 'CheckoutSlow', hint: 'The alertname on every alert of this rule.' })}
            <Field label="Kind" htmlFor="rule-kind" error={errorOf('kind')}>
              <Select
                id="rule-kind"
                value={form.kind}
                onChange={(event) => {
                  setForm((previous) => withKind(previous, event.target.value as RuleKind))
                  setTouched((previous) => new Set(previous).add('kind'))
                }}
              >
                {RULE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {KIND_LABEL[kind]}
                  </option>
                ))}
              </Select>
            </Field>
            {form.kind === 'latency_threshold' && (
              <div className="grid grid-cols-2 gap-3">
                <Field label="Percentile" htmlFor="rule-percentile">
                  <Select
                    id="rule-percentile"
                    value={form.percentile}
                    onChange={(event) => set('percentile', event.target.value as RuleForm['percentile'])}
                  >
                    {PERCENTILES.map((percentile) => (
                      <option key={percentile}>{percentile}</option>
                    ))}
                  </Select>
                </Field>
                {text('aboveMs', 'Above (ms)', { inputMode: 'decimal' })}
              </div>
            )}
            {form.kind === 'latency_baseline' && (
              <div className="grid grid-cols-2 gap-3">
                {text('factor', 'p95 above × baseline', { inputMode: 'decimal', hint: 'e.g. 2: twice the usual p95' })}
                {text('deviation', 'or deviation above', { inputMode: 'decimal', hint: 'robust z-score; leave one empty' })}
              </div>
            )}
            {form.kind === 'error_rate' && text('errorPercent', 'Error rate above (%)', { inputMode: 'decimal' })}
            {form.kind === 'trace_reliability' && text('reliabilityPercent', 'Complete traces below (%)', { inputMode: 'decimal' })}
            {form.kind === 'no_data' &&
              text('silentFor', 'Silent for', { hint: 'No spans for this long from a service that sent them before: 10m, 1h.' })}
            {form.kind === 'canary_regression' && (
              <p className="text-sm text-muted">
                One alert per deployment in progress whose canary verdict is fail, labelled with its version; it resolves when the verdict
                changes or the deployment ends. Templates may use {'{{canary.reason}}'}, {'{{canary.score}}'} and {'{{canary.url}}'}.
              </p>
            )}
            <Field label="Service" htmlFor="rule-service" error={errorOf('service')} hint="A name, or a glob: * for every service.">
              <Input
                id="rule-service"
                list="rule-services"
                value={form.service}
                onChange={(event) => set('service', event.target.value)}
                aria-invalid={Boolean(errorOf('service'))}
              />
              <datalist id="rule-services">
                {services.map((service) => (
                  <option key={service} value={service} />
                ))}
              </datalist>
            </Field>
            {!wholeService && (
              <div className="grid grid-cols-[minmax(0,1fr)_8rem] gap-3">
                {text('operation', 'Operations', { placeholder: 'every operation', hint: 'A glob: POST /api/* ; * crosses slashes.' })}
                <Field label="Span kind" htmlFor="rule-spanKind" error={errorOf('spanKind')}>
                  <Select id="rule-spanKind" value={form.spanKind} onChange={(event) => set('spanKind', event.target.value)}>
                    <option value="">any</option>
                    {SPAN_KINDS.map((kind) => (
                      <option key={kind}>{kind}</option>
                    ))}
                  </Select>
                </Field>
              </div>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="When it fires" description="Durations as Prometheus writes them: 30s, 5m, 1h30m." />
          <CardBody className="grid grid-cols-2 gap-3">
            {text('window', 'Window', { hint: 'each value covers this long' })}
            {text('for', 'For', { hint: 'pending this long before firing' })}
            {text('keepFiringFor', 'Keep firing for', { hint: 'after it stops holding' })}
            {!wholeService && form.kind !== 'no_data' ? (
              text('minSpans', 'Minimum spans', { inputMode: 'numeric', hint: 'fewer in the window: no value' })
            ) : (
              <div />
            )}
            <Field label="Severity" htmlFor="rule-severity">
              <Select
                id="rule-severity"
                value={form.severity}
                onChange={(event) => set('severity', event.target.value as RuleForm['severity'])}
              >
                {SEVERITIES.map((severity) => (
                  <option key={severity}>{severity}</option>
                ))}
              </Select>
            </Field>
            <label className="mt-6 flex items-center gap-2 text-sm">
              <input type="checkbox" checked={form.enabled} onChange={(event) => set('enabled', event.target.checked)} /> Enabled
            </label>
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="What it says"
            description="Mustache templates: {{labels.service}}, {{value}}, {{threshold}}. Prometheus' {{ $labels.x }} works too."
          />
          <CardBody className="space-y-4">
            {text('summary', 'Summary')}
            <Field label="Description" htmlFor="rule-description" error={errorOf('description')}>
              <textarea
                id="rule-description"
                rows={3}
                className={TEXTAREA}
                value={form.description}
                onChange={(event) => set('description', event.target.value)}
                aria-invalid={Boolean(errorOf('description'))}
              />
            </Field>
            {text('runbookUrl', 'Runbook URL', { placeholder: 'https://…' })}
            <Field label="Labels" htmlFor="rule-labels" error={errorOf('labels')} hint="One name=value per line, e.g. team=payments.">
              <textarea
                id="rule-labels"
                rows={2}
                className={`${TEXTAREA} font-mono`}
                value={form.labels}
                onChange={(event) => set('labels', event.target.value)}
                aria-invalid={Boolean(errorOf('labels'))}
              />
            </Field>
            {text('channels', 'Channels', { hint: channelsHint(form.channels, channels) })}
          </CardBody>
        </Card>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? 'Saving…' : id ? 'Save rule' : 'Create rule'}
          </Button>
          {state.error && (
            <p role="alert" className="text-sm text-bad">
              {state.error}
            </p>
          )}
          {serverErrors.get('form') && (
            <p role="alert" className="text-sm text-bad">
              {serverErrors.get('form')}
            </p>
          )}
        </div>
      </form>
      <BacktestPanel rule={parsed.success ? input : null} problem={parsed.success ? null : (clientErrors.values().next().value ?? null)} />
    </div>
  )
}

/** Which channels exist to name, and which named ones do not: their alerts would notify no one there. */
function channelsHint(text: string, known: readonly string[]): string {
  const named = text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  const unknown = named.filter((name) => !known.includes(name))
  if (unknown.length) return `No channel named ${unknown.join(', ')} yet: add it under Alerts → Channels, or nothing is sent there.`
  return known.length ? `Comma-separated, of: ${known.join(', ')}.` : 'Channel names, comma-separated (none exist yet: Alerts → Channels).'
}

import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { evaluateAlerts, markSent, needsSending, type ActiveSeries, type AlertTransition } from './alert-state'
import { fingerprintOf } from './fingerprint'
import type { Alert } from './schemas'

const T0 = Date.UTC(2026, 2, 1)
const MINUTE_MS = 60_000
const at = (minutes: number) => T0 + minutes * MINUTE_MS

// rules.yml lines 6–13 (InstanceDown) and 14–15 (AlwaysFiring), series as in unittest.yml line 125.
const TARGET = { instance: 'localhost:9090', job: 'prometheus' }
const INSTANCE_DOWN: ActiveSeries = {
  labels: { alertname: 'InstanceDown', ...TARGET, severity: 'page' },
  annotations: {
    summary: 'Instance localhost:9090 down',
    description: 'localhost:9090 of job prometheus has been down for more than 5 minutes.',
  },
  value: 0,
}
const ALWAYS_FIRING: ActiveSeries = { labels: { alertname: 'AlwaysFiring' }, annotations: {}, value: 1 }
const FINGERPRINT = fingerprintOf(INSTANCE_DOWN.labels)

type Timing = { forSeconds: number; keepFiringForSeconds?: number; resolvedRetentionSeconds?: number }
const SYMBOL = { pending: 'P', firing: 'F', inactive: 'I' } as const

/**
 * Evaluates one series once a minute from T0. `holds` has a character per minute: 1 the condition
 * holds, 0 it does not. States come back one per minute: P pending, F firing, I resolved, _ no alert.
 */
function run(holds: string, { forSeconds, keepFiringForSeconds = 0, resolvedRetentionSeconds }: Timing) {
  let alerts: ReadonlyMap<string, Alert> = new Map()
  let states = ''
  const transitions: string[] = []
  const history: (Alert | undefined)[] = []
  const keepFiringChanges: number[] = []
  ;[...holds].forEach((symbol, minute) => {
    const active = symbol === '1' ? [{ ...INSTANCE_DOWN, value: minute }] : []
    const evaluation = evaluateAlerts(alerts, active, { at: at(minute), forSeconds, keepFiringForSeconds, resolvedRetentionSeconds })
    alerts = evaluation.alerts
    const alert = alerts.get(FINGERPRINT)
    states += alert ? SYMBOL[alert.state] : '_'
    history.push(alert)
    transitions.push(...evaluation.transitions.map(({ from, to, at: when }) => `${(when - T0) / MINUTE_MS}m ${from}→${to}`))
    if (evaluation.keepFiringChanges.length) keepFiringChanges.push(minute)
  })
  return { states, transitions, history, keepFiringChanges }
}

describe('evaluateAlerts, one series at 1-minute evaluations (Prometheus rules/alerting.go Eval)', () => {
  test.each<[string, Timing, string, string]>([
    ['for 0 fires in the same evaluation and resolves at the first miss', { forSeconds: 0 }, '11100', 'FFFII'],
    // unittest.yml lines 123–161: up == 0 throughout; InstanceDown (for 5m) is pending at 4m (count(ALERTS) at
    // lines 129–135), not firing at 0 (lines 159–161), firing by 1d (lines 143–152). failing.yml lines 25–35:
    // at 5m it already fires, so exp_alerts: [] fails there.
    ['InstanceDown: for 5m over a series stuck at 0', { forSeconds: 300 }, '11111111', 'PPPPPFFF'],
    ['for 5m: a miss while pending deletes the alert; pending again restarts the clock', { forSeconds: 300 }, '1110111111', 'PPP_PPPPPF'],
    ['for 3m: flaps shorter than for never fire', { forSeconds: 180 }, '110110110', 'PP_PP_PP_'],
    ['for 90s between 1m evaluations fires at the first evaluation ≥ 90s after activeAt', { forSeconds: 90 }, '1111', 'PPFF'],
    ['firing → resolved → holds again: a new alert, pending for the full for', { forSeconds: 120 }, '111001111', 'PPFIIPPFF'],
    [
      'keep_firing_for 3m keeps it firing for 3 evaluations after the last hold',
      { forSeconds: 0, keepFiringForSeconds: 180 },
      '11000001',
      'FFFFFIIF',
    ],
    [
      'keep_firing_for restarts when the condition holds again meanwhile',
      { forSeconds: 0, keepFiringForSeconds: 120 },
      '11010001',
      'FFFFFFIF',
    ],
    ['keep_firing_for does not keep a pending alert', { forSeconds: 300, keepFiringForSeconds: 600 }, '1100', 'PP__'],
    // docs-alerting_rules-example-1.yml: HighRequestLatency, for: 10m, keep_firing_for: 5m.
    [
      'for 10m, keep_firing_for 5m (alerting_rules.md example)',
      { forSeconds: 600, keepFiringForSeconds: 300 },
      '111111111111000000',
      'PPPPPPPPPPFFFFFFFI',
    ],
    [
      'resolved alerts are kept 15m (resolvedRetention) and dropped once older',
      { forSeconds: 0 },
      '1' + '0'.repeat(17),
      'F' + 'I'.repeat(16) + '_',
    ],
    ['a resolved retention of 0 drops it at the next evaluation', { forSeconds: 0, resolvedRetentionSeconds: 0 }, '100', 'FI_'],
  ])('%s', (_label, timing, holds, states) => {
    expect(run(holds, timing).states).toBe(states)
  })

  test('InstanceDown at 1d (unittest.yml lines 143–152): firing since 5m, with the expected labels and annotations', () => {
    const alert = run('1'.repeat(1441), { forSeconds: 300 }).history.at(-1)
    expect(alert).toMatchObject({ state: 'firing', activeAt: T0, firedAt: at(5), labels: INSTANCE_DOWN.labels })
    expect(alert?.annotations).toEqual(INSTANCE_DOWN.annotations)
  })

  test('AlwaysFiring (no for) fires at 0 while InstanceDown is pending (unittest.yml lines 129–135, 154–161)', () => {
    const both = [ALWAYS_FIRING, INSTANCE_DOWN]
    const { alerts } = evaluateAlerts(new Map(), both, { at: T0, forSeconds: 0, keepFiringForSeconds: 0 })
    expect(alerts.get(fingerprintOf(ALWAYS_FIRING.labels))?.state).toBe('firing')
    let byRule = new Map<string, Alert>()
    for (let minute = 0; minute <= 4; minute++)
      byRule = evaluateAlerts(byRule, [INSTANCE_DOWN], { at: at(minute), forSeconds: 300, keepFiringForSeconds: 0 }).alerts
    expect(byRule.get(FINGERPRINT)?.state).toBe('pending')
  })

  test.each<[string, Timing, string, string[]]>([
    ['for 0: one transition new → firing', { forSeconds: 0 }, '1101', ['0m new→firing', '2m firing→inactive', '3m inactive→firing']],
    [
      'for 2m through a resolution and a new alert',
      { forSeconds: 120 },
      '111001',
      ['0m new→pending', '2m pending→firing', '3m firing→inactive', '5m inactive→pending'],
    ],
    [
      'a flapping pending alert is deleted, then new',
      { forSeconds: 300 },
      '1101',
      ['0m new→pending', '2m pending→deleted', '3m new→pending'],
    ],
    ['keeping firing is no transition', { forSeconds: 0, keepFiringForSeconds: 120 }, '1000', ['0m new→firing', '3m firing→inactive']],
    [
      'retention ends with a deletion',
      { forSeconds: 0, resolvedRetentionSeconds: 60 },
      '1000',
      ['0m new→firing', '1m firing→inactive', '3m inactive→deleted'],
    ],
  ])('transitions: %s', (_label, timing, holds, transitions) => {
    expect(run(holds, timing).transitions).toEqual(transitions)
  })

  test('keepFiringSince is set when the condition stops, cleared when it holds again, and reported both times', () => {
    const { history, keepFiringChanges } = run('10110', { forSeconds: 0, keepFiringForSeconds: 600 })
    expect(history.map((alert) => alert?.keepFiringSince)).toEqual([null, at(1), null, null, at(4)])
    expect(keepFiringChanges).toEqual([1, 2, 4])
  })

  test('times and values: activeAt, firedAt, resolvedAt, and the last value where the condition held', () => {
    const { history } = run('11100', { forSeconds: 60 })
    expect(history[1]).toMatchObject({ state: 'firing', activeAt: at(0), firedAt: at(1), value: 1 })
    expect(history[2]).toMatchObject({ state: 'firing', activeAt: at(0), firedAt: at(1), value: 2, resolvedAt: null })
    expect(history[3]).toMatchObject({ state: 'inactive', firedAt: at(1), resolvedAt: at(3), value: 2 })
    expect(history[4]).toBe(history[3])
  })

  test('annotations follow the latest evaluation; a new alert forgets the last send', () => {
    const first = evaluateAlerts(new Map(), [INSTANCE_DOWN], { at: T0, forSeconds: 0, keepFiringForSeconds: 0 })
    const sent = new Map([[FINGERPRINT, markSent(first.alerts.get(FINGERPRINT)!, T0)]])
    const updated = { ...INSTANCE_DOWN, annotations: { summary: 'still down' } }
    const second = evaluateAlerts(sent, [updated], { at: at(1), forSeconds: 0, keepFiringForSeconds: 0 })
    expect(second.alerts.get(FINGERPRINT)).toMatchObject({ annotations: { summary: 'still down' }, lastSentAt: T0 })
    const resolved = evaluateAlerts(second.alerts, [], { at: at(2), forSeconds: 0, keepFiringForSeconds: 0 })
    const again = evaluateAlerts(resolved.alerts, [INSTANCE_DOWN], { at: at(3), forSeconds: 0, keepFiringForSeconds: 0 })
    expect(again.alerts.get(FINGERPRINT)).toMatchObject({ activeAt: at(3), firedAt: at(3), resolvedAt: null, lastSentAt: null })
  })

  test('series are independent, matched by label set in any key order', () => {
    const other = { ...INSTANCE_DOWN, labels: { ...INSTANCE_DOWN.labels, instance: 'localhost:9100' } }
    const first = evaluateAlerts(new Map(), [INSTANCE_DOWN, other], { at: T0, forSeconds: 60, keepFiringForSeconds: 0 })
    const reordered = {
      ...INSTANCE_DOWN,
      labels: { severity: 'page', job: 'prometheus', instance: 'localhost:9090', alertname: 'InstanceDown' },
    }
    const second = evaluateAlerts(first.alerts, [reordered], { at: at(1), forSeconds: 60, keepFiringForSeconds: 0 })
    expect(second.transitions.map(({ fingerprint, to }) => [fingerprint, to])).toEqual([
      [FINGERPRINT, 'firing'],
      [fingerprintOf(other.labels), 'deleted'],
    ])
  })

  test('two series with the same alert labels are refused (ErrDuplicateAlertLabelSet)', () => {
    expect(() => evaluateAlerts(new Map(), [INSTANCE_DOWN, INSTANCE_DOWN], { at: T0, forSeconds: 0, keepFiringForSeconds: 0 })).toThrow(
      /same alert labels/,
    )
  })

  test('leaves the previous alerts untouched', () => {
    const { alerts } = evaluateAlerts(new Map(), [INSTANCE_DOWN], { at: T0, forSeconds: 60, keepFiringForSeconds: 600 })
    const frozen = new Map([...alerts].map(([fingerprint, alert]) => [fingerprint, Object.freeze({ ...alert })]))
    for (const [minute, active] of [
      [1, [INSTANCE_DOWN]],
      [2, []],
      [20, []],
    ] as const)
      evaluateAlerts(frozen, active, { at: at(minute), forSeconds: 60, keepFiringForSeconds: 600 })
    expect(frozen.get(FINGERPRINT)).toEqual(alerts.get(FINGERPRINT))
  })
})

describe('needsSending (Prometheus Alert.needsSending)', () => {
  const firing: Alert = {
    ...evaluateAlerts(new Map(), [INSTANCE_DOWN], { at: T0, forSeconds: 0, keepFiringForSeconds: 0 }).alerts.get(FINGERPRINT)!,
  }
  const resolved: Alert = { ...firing, state: 'inactive', resolvedAt: at(5) }
  test.each<[string, Alert, number, boolean]>([
    ['pending: never', { ...firing, state: 'pending', firedAt: null }, at(10), false],
    ['firing, never sent', firing, T0, true],
    ['firing, sent 30s ago', { ...firing, lastSentAt: T0 }, T0 + 30_000, false],
    ['firing, sent exactly the resend delay ago (strictly before, as time.Before)', { ...firing, lastSentAt: T0 }, at(1), false],
    ['firing, sent more than the resend delay ago', { ...firing, lastSentAt: T0 }, at(1) + 1, true],
    ['resolved after the last send: at once', { ...resolved, lastSentAt: at(4) }, at(5), true],
    ['resolved, never sent', resolved, at(5), true],
    ['resolved and sent as resolved: not again within the delay', { ...resolved, lastSentAt: at(5) }, at(5) + 30_000, false],
    ['resolved and sent as resolved: re-sent after the delay while retained', { ...resolved, lastSentAt: at(5) }, at(6) + 1, true],
  ])('%s', (_label, alert, when, expected) => {
    expect(needsSending(alert, when)).toBe(expected)
  })

  test('takes the resend delay in seconds', () => {
    expect(needsSending({ ...firing, lastSentAt: T0 }, at(3), 300)).toBe(false)
    expect(needsSending({ ...firing, lastSentAt: T0 }, at(6), 300)).toBe(true)
  })

  test('markSent returns a copy with lastSentAt', () => {
    expect(markSent(firing, at(2))).toEqual({ ...firing, lastSentAt: at(2) })
    expect(firing.lastSentAt).toBeNull()
  })

  // With 1m evaluations and the 1m default resend delay, Prometheus sends a firing alert every other evaluation.
  test('sends while firing every 2 evaluations, the resolution at once, then re-sends until retention ends', () => {
    let alerts: ReadonlyMap<string, Alert> = new Map()
    const sentAt: string[] = []
    ;[...'111110000000000000000000'].forEach((symbol, minute) => {
      const active = symbol === '1' ? [INSTANCE_DOWN] : []
      alerts = evaluateAlerts(alerts, active, { at: at(minute), forSeconds: 60, keepFiringForSeconds: 0 }).alerts
      const sent = new Map<string, Alert>()
      for (const [fingerprint, alert] of alerts) {
        if (needsSending(alert, at(minute))) sentAt.push(`${minute}m ${alert.state}`)
        sent.set(fingerprint, needsSending(alert, at(minute)) ? markSent(alert, at(minute)) : alert)
      }
      alerts = sent
    })
    const resolvedSends = [5, 7, 9, 11, 13, 15, 17, 19].map((minute) => `${minute}m inactive`)
    expect(sentAt).toEqual(['1m firing', '3m firing', ...resolvedSends])
  })
})

describe('evaluateAlerts invariants (fast-check)', () => {
  test('transitions are exactly the state changes, and for / keep_firing_for hold', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { maxLength: 60 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        (holds, forMinutes, keepFiringForMinutes) => {
          let alerts: ReadonlyMap<string, Alert> = new Map()
          holds.forEach((holdsNow, minute) => {
            const evaluation = evaluateAlerts(alerts, holdsNow ? [INSTANCE_DOWN] : [], {
              at: at(minute),
              forSeconds: forMinutes * 60,
              keepFiringForSeconds: keepFiringForMinutes * 60,
            })
            const before = alerts.get(FINGERPRINT)
            const after = evaluation.alerts.get(FINGERPRINT)
            const expected: AlertTransition[] =
              before?.state === after?.state
                ? []
                : [{ fingerprint: FINGERPRINT, from: before?.state ?? 'new', to: after?.state ?? 'deleted', at: at(minute), value: 0 }]
            expect(evaluation.transitions).toEqual(expected)
            if (after?.state === 'pending') expect(at(minute) - after.activeAt).toBeLessThan(forMinutes * MINUTE_MS)
            if (after?.state === 'firing') expect(after.firedAt! - after.activeAt).toBeGreaterThanOrEqual(forMinutes * MINUTE_MS)
            if (after?.state === 'firing' && !holdsNow)
              expect(at(minute) - after.keepFiringSince!).toBeLessThan(keepFiringForMinutes * MINUTE_MS)
            alerts = evaluation.alerts
          })
        },
      ),
    )
  })
})

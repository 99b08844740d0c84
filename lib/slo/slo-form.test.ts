import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '@/lib/errors'
import { sloFormInput, sloFromForm, sloToForm } from './slo-form'
import { sloInput } from './schemas'

const form = (fields: Record<string, string>) => sloFromForm(sloFormInput.parse(fields))

describe('the SLO form', () => {
  it('reads an objective in percent, a latency threshold, and the ticked tiers', () => {
    const slo = form({
      name: 'payments-latency',
      service: 'transactions-service',
      operation: 'POST /v1/payments',
      sliKind: 'latency',
      thresholdMs: '300',
      objective: '99.9',
      window: '28d',
      tier_page_fast: 'on',
      tier_ticket_slow: 'on',
      channels: 'pagerduty, slack',
    })
    expect(slo).toMatchObject({
      objective: 0.999,
      sli: { kind: 'latency', thresholdMs: 300 },
      window: { kind: 'rolling', duration: 28 * 86_400 },
      alerting: { tiers: ['page_fast', 'ticket_slow'], channels: ['pagerduty', 'slack'], minEvents: 50 },
    })
  })

  it('refuses under the SLO’s own paths, so the message sits beside its field', () => {
    try {
      form({ name: 'Bad Name', service: 'x', sliKind: 'latency', thresholdMs: '-1', objective: '101', window: '28d' })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError)
      expect((error as InvalidInputError).issues.map((issue) => issue.path).sort()).toEqual(['name', 'objective', 'sli.thresholdMs'])
    }
  })

  it('reads a calendar month in its time zone, and composite members with weights', () => {
    const slo = form({
      name: 'journey',
      sliKind: 'composite',
      members: 'a:3, b',
      objective: '99',
      window: 'calendar_month',
      timeZone: 'Europe/Berlin',
    })
    expect(slo.window).toEqual({ kind: 'calendar', unit: 'month', timeZone: 'Europe/Berlin' })
    expect(slo.sli).toEqual({
      kind: 'composite',
      members: [
        { slo: 'a', weight: 3 },
        { slo: 'b', weight: 1 },
      ],
    })
  })

  it('gives back what it was filled from', () => {
    const slo = sloInput.parse({
      name: 'auth-availability',
      service: 'auth-service',
      sli: { kind: 'availability' },
      objective: 0.9995,
      budgeting: 'timeslices',
      timeSliceTarget: 0.95,
      alerting: { tiers: ['page_slow'], minEvents: 20, channels: ['oncall'] },
    })
    expect(form(sloToForm(slo))).toEqual(slo)
  })
})

import { describe, expect, test } from 'vitest'
import { incidentFormInput } from './schemas'

const form = {
  services: 'Transactions-Service, payments',
  title: 'Checkout latency',
  startedAt: '2026-12-06T06:13',
  detectedAt: '',
  resolvedAt: '2026-12-06T07:13:30',
  tracesUsed: 'yes',
  traceIds: '4bf92f3577b34da6a3ce929d0e0e4736',
  id: '',
}

describe('incidentFormInput', () => {
  test('datetime-local values are read as UTC, lists split, an empty id gets one of its own', () => {
    const incident = incidentFormInput.parse(form)
    expect(incident).toMatchObject({
      source: 'form',
      services: ['Transactions-Service', 'payments'],
      startedAt: new Date('2026-12-06T06:13:00Z'),
      detectedAt: null,
      resolvedAt: new Date('2026-12-06T07:13:30Z'),
      tracesUsed: true,
      traceIds: ['4bf92f3577b34da6a3ce929d0e0e4736'],
    })
    expect(incident.id).toMatch(/^form-[0-9a-f-]{36}$/)
  })

  test.each([
    ['no start or detection', { startedAt: '' }, 'startedAt'],
    ['resolved before it started', { resolvedAt: '2026-12-06T05:00' }, 'resolvedAt'],
    ['a service name with a space is two names, one of them bad', { services: 'checkout service!' }, 'services'],
    ['a bad trace id', { traceIds: 'xyz' }, 'traceIds'],
    ['a traces-used value the select never sends', { tracesUsed: 'maybe' }, 'tracesUsed'],
  ])('%s is refused naming %s', (_label, change, field) => {
    const result = incidentFormInput.safeParse({ ...form, ...change })
    expect(result.success).toBe(false)
    expect(result.error!.issues.map((issue) => issue.path[0])).toContain(field)
  })
})

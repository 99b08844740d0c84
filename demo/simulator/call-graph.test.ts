import { expect, test } from 'vitest'
import { HANDLERS, getHandler } from './call-graph'
import { ENTRY_POINTS, SCHEDULED_JOBS } from './entry-points'
import { consumerKey, httpKey } from './handler'
import { FLEET } from './fleet'

const startsDaysAgo = (service: string) =>
  FLEET.find((candidate) => candidate.name === service)!.instrumentedDaysAgo ?? Number.NEGATIVE_INFINITY

const calls = HANDLERS.flatMap((handler) =>
  handler.steps.flatMap((step) => {
    if (step.type === 'http')
      return [{ caller: handler.service, callee: getHandler(httpKey(step.service, step.method, step.route)).service }]
    if (step.type === 'publish')
      return step.consumers.map((consumer) => ({ caller: handler.service, callee: getHandler(consumer).service }))
    return []
  }),
)

test('every step and entry point names a handler that exists', () => {
  expect(calls.length).toBeGreaterThan(20)
  for (const entry of [...ENTRY_POINTS, ...SCHEDULED_JOBS]) expect(() => getHandler(entry.handler)).not.toThrow()
  // The two propagation bugs are rare: a few messages, a few vendor webhooks, never every call.
  expect(getHandler(consumerKey('notification-service', 'payments.events')).dropsTraceIdShare).toBeLessThan(0.05)
  expect(getHandler(httpKey('kyc-service', 'POST', '/webhooks/vendor')).foreignParentShare).toBeLessThan(0.05)
  expect(HANDLERS.filter((handler) => handler.dropsTraceIdShare || handler.foreignParentShare)).toHaveLength(2)
})

// A traced service behind one that is not yet traced starts traces of its own (trace-generator.ts);
// the plan has such hops, so the simulator exercises them: the pilot before its caller, kyc-service
// before onboarding-service (not yet), sanctions-screening-service before kyc-service.
test('some services are traced before a service that calls them', () => {
  const early = calls
    .filter(({ caller, callee }) => startsDaysAgo(callee) > startsDaysAgo(caller))
    .map(({ caller, callee }) => `${caller} → ${callee}`)
  expect(early).toEqual(
    expect.arrayContaining([
      'fraud-detection → predictive-analytics',
      'onboarding-service → kyc-service',
      'kyc-service → sanctions-screening-service',
    ]),
  )
})

test('rolled-out services started from the pilot, 21 days before the anchor, to 2 days before it', () => {
  const days = FLEET.map((service) => service.instrumentedDaysAgo).filter((days): days is number => days !== null)
  expect(days.length).toBe(19)
  expect(Math.max(...days)).toBe(21)
  expect(Math.min(...days)).toBe(2)
  expect(new Set(days).size).toBeGreaterThanOrEqual(8)
})

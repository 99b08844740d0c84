import { expect, test } from 'vitest'
import { ENTRY_POINTS, HANDLERS, SCHEDULED_JOBS, consumerKey, getHandler, httpKey } from './call-graph'
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
  expect(getHandler(consumerKey('notification-service', 'payments.events')).brokenPropagation).toBe(true)
})

// Spans below a service that is not instrumented are dropped with it, which is only true to life
// if nothing below it emits before it does: callers roll out no later than their callees.
test('no service starts emitting before every service that calls it', () => {
  for (const { caller, callee } of calls) expect(startsDaysAgo(callee), `${caller} → ${callee}`).toBeLessThanOrEqual(startsDaysAgo(caller))
})

test('rolled-out services started on days within the 14 before the anchor', () => {
  const days = FLEET.map((service) => service.instrumentedDaysAgo).filter((days): days is number => days !== null)
  expect(days.length).toBe(19)
  expect(Math.max(...days)).toBe(14)
  expect(Math.min(...days)).toBeGreaterThanOrEqual(1)
  expect(new Set(days).size).toBeGreaterThanOrEqual(10)
})

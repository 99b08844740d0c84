// The fault middleware: wraps a DemoHandler and applies what the fault switch plans for each request
// (reset, delay, Jaeger error, capped search, broken body). Socket work is left to the server.
import { STATUS_CODES } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { classicError } from '../http/classic-handlers'
import { connectionReset, goHttpError, type DemoHandler, type DemoResponse } from '../http/demo-response'
import { v3Error } from '../http/v3-handlers'
import { damageBody } from './damage-body'
import type { FaultEngine } from './fault-switch'

/** Jaeger's own error body for the API the path belongs to: api/v3's, the classic envelope, or http.Error's. */
export function faultError(path: string, status: number): DemoResponse {
  const message = `${STATUS_CODES[status] ?? 'error'} (demo fault)`
  if (path.startsWith('/api/v3/')) return v3Error(status, message)
  if (path.startsWith('/api/')) return classicError(status, message)
  return goHttpError(`${status} ${message}`, status)
}

export function withFaults(handler: DemoHandler, faults: Pick<FaultEngine, 'planRequest'>): DemoHandler {
  return async (request) => {
    const plan = faults.planRequest(request.path)
    if (!plan) return handler(request)
    if (plan.resetConnection) return connectionReset()
    if (plan.delayMs > 0) await sleep(plan.delayMs)
    if (plan.errorStatus !== undefined) return faultError(request.path, plan.errorStatus)
    const response = await handler(plan.maxSearchDepth === undefined ? request : { ...request, maxSearchDepth: plan.maxSearchDepth })
    return damageBody(response, plan)
  }
}

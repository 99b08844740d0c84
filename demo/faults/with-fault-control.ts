// The fault switch over HTTP, for a demo Jaeger in another process (demo/server.ts --faults):
//   GET /__demo/faults      the active faults
//   PUT /__demo/faults      replaces them with the JSON body (schemas.ts), 400 naming the field if bad
//   DELETE /__demo/faults   clears them
// Each answers the faults now active. The endpoint sits outside withFaults: it is never faulted.
import { jsonResponse, type DemoHandler, type DemoResponse } from '../http/demo-response'
import type { FaultSwitch } from './fault-switch'
import { faultControlBody } from './schemas'

export const FAULT_CONTROL_PATH = '/__demo/faults'

type Issue = { path: string; message: string }

const invalidInput = (issues: Issue[]): DemoResponse => jsonResponse(JSON.stringify({ error: 'invalid_input', issues }), 400)

/** The active faults; while nothing listens the connection is closed after, since it would only be reset. */
function faultsResponse(faults: FaultSwitch): DemoResponse {
  const current = faults.current()
  const response = jsonResponse(JSON.stringify(current))
  return current.down === 'refuse' ? { ...response, headers: { ...response.headers, Connection: 'close' } } : response
}

function parseBody(body: string): { ok: true; value: unknown } | { ok: false; issue: Issue } {
  try {
    return { ok: true, value: JSON.parse(body) }
  } catch (error) {
    return { ok: false, issue: { path: '', message: `body is not JSON: ${error instanceof Error ? error.message : String(error)}` } }
  }
}

export function withFaultControl(handler: DemoHandler, faults: FaultSwitch): DemoHandler {
  return async (request) => {
    if (request.path !== FAULT_CONTROL_PATH) return handler(request)
    if (request.method === 'GET') return faultsResponse(faults)
    if (request.method === 'DELETE') {
      await faults.clear()
      return faultsResponse(faults)
    }
    if (request.method !== 'PUT')
      return {
        status: 405,
        headers: { Allow: 'GET, PUT, DELETE', 'Content-Type': 'text/plain; charset=utf-8' },
        body: 'method not allowed\n',
      }
    const json = parseBody(request.body ?? '')
    if (!json.ok) return invalidInput([json.issue])
    const parsed = faultControlBody.safeParse(json.value)
    if (!parsed.success)
      return invalidInput(parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })))
    await faults.replace(parsed.data)
    return faultsResponse(faults)
  }
}

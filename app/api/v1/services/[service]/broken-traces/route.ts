import { z } from 'zod'
import { defineRoute } from '@/lib/http/define-route'
import { askJaeger } from '@/lib/jaeger/page-client'
import { serviceNameParam } from '@/lib/latency/schemas'
import { computeBrokenTraces } from '@/lib/traces/broken-traces'
import { brokenTracesQuery, type BrokenTracesView } from '@/lib/traces/schemas'

/** Traces in Jaeger searched for the service that did not arrive whole: reliability's examples, asked live. */
const SEARCH_DEPTH = 300

export const GET = defineRoute({
  permission: 'dashboard.read',
  params: z.object({ service: serviceNameParam }),
  query: brokenTracesQuery,
  run: async ({ params, query }): Promise<BrokenTracesView> => {
    const endUs = Date.now() * 1000
    const found = await askJaeger((jaeger) =>
      jaeger.searchTraces({ service: params.service, startUs: endUs - query.hours * 3_600_000_000, endUs, limit: SEARCH_DEPTH }),
    )
    return { traces: computeBrokenTraces(found.traces, { limit: query.limit }), searched: found.traces.length, hours: query.hours }
  },
})

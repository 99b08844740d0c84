import { z } from 'zod'
import { defineRoute } from '@/lib/http/define-route'
import { askJaeger } from '@/lib/jaeger/page-client'
import { operationNameParam, serviceNameParam } from '@/lib/latency/schemas'
import { slowTracesQuery, type SlowTracesView } from '@/lib/traces/schemas'
import { resolveTimeRange } from '@/lib/time-range/time-range'

/** The slowest recent traces of an operation, asked of Jaeger live (the one live read besides opening a trace). */
export const GET = defineRoute({
  permission: 'dashboard.read',
  params: z.object({ service: serviceNameParam, operation: operationNameParam }),
  query: slowTracesQuery,
  run: async ({ params, query }): Promise<SlowTracesView> => {
    const { startUs, endUs } = resolveTimeRange(query, Date.now() * 1000)
    const found = await askJaeger((jaeger) =>
      jaeger.findSlowTraces({
        service: params.service,
        operation: params.operation,
        startUs,
        endUs,
        minDurationUs: query.minDurationUs,
        limit: query.limit,
      }),
    )
    return { ...found, minDurationUs: query.minDurationUs, startUs, endUs }
  },
})

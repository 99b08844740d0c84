import { z } from 'zod'
import { addDeploymentMarkers } from '@/lib/canary/latency-views-repository'
import { defineRoute } from '@/lib/http/define-route'
import { getOperationView } from '@/lib/latency/repository'
import { operationNameParam, operationQueryParams, serviceNameParam } from '@/lib/latency/schemas'

export const GET = defineRoute({
  permission: 'dashboard.read',
  params: z.object({ service: serviceNameParam, operation: operationNameParam }),
  query: operationQueryParams,
  run: ({ params, query }) => addDeploymentMarkers(getOperationView(params.service, params.operation, query.kind, query)),
})

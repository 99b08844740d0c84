import { z } from 'zod'
import { addDeploymentMarkers } from '@/lib/canary/latency-views-repository'
import { defineRoute } from '@/lib/http/define-route'
import { getServiceView } from '@/lib/latency/repository'
import { serviceNameParam } from '@/lib/latency/schemas'
import { timeRangeParams } from '@/lib/time-range/time-range'

export const GET = defineRoute({
  permission: 'dashboard.read',
  params: z.object({ service: serviceNameParam }),
  query: timeRangeParams,
  run: ({ params, query }) => addDeploymentMarkers(getServiceView(params.service, query)),
})

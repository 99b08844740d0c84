import { addDeploymentsInProgress } from '@/lib/canary/latency-views-repository'
import { defineRoute } from '@/lib/http/define-route'
import { listServicesView } from '@/lib/latency/repository'
import { timeRangeParams } from '@/lib/time-range/time-range'

export const GET = defineRoute({
  permission: 'dashboard.read',
  query: timeRangeParams,
  run: ({ query }) => addDeploymentsInProgress(listServicesView(query)),
})

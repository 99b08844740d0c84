import { defineRoute } from '@/lib/http/define-route'
import { listOverheadMeasurements, saveOverheadMeasurement } from '@/lib/overhead/repository'
import { overheadMeasurementInput, overheadMeasurementQuery } from '@/lib/overhead/schemas'
import { unprocessableOutsideInventory } from './_not-in-inventory'

export const GET = defineRoute({
  permission: 'dashboard.read',
  query: overheadMeasurementQuery,
  run: async ({ query }) => ({ measurements: await listOverheadMeasurements({ service: query.service }) }),
})

/** A session allowed to record measurements, or an API token with overhead.write (load-test jobs). */
export const POST = defineRoute({
  permission: 'incidents.write',
  token: { scope: 'overhead.write' },
  body: overheadMeasurementInput,
  run: ({ body, user, token }) =>
    unprocessableOutsideInventory(async () => ({
      measurement: await saveOverheadMeasurement(body, { source: 'api', by: user?.id ?? null, token }),
    })),
})

import { defineRoute } from '@/lib/http/define-route'
import { measurementFromK6 } from '@/lib/overhead/k6-measurement'
import { saveOverheadMeasurement } from '@/lib/overhead/repository'
import { overheadK6Input } from '@/lib/overhead/schemas'
import { unprocessableOutsideInventory } from '../_not-in-inventory'

/** Two k6 end-of-test summaries (tracing on, off) saved as one measurement; a summary's problem is a 400 naming `on.metrics…`. */
export const POST = defineRoute({
  permission: 'incidents.write',
  token: { scope: 'overhead.write' },
  body: overheadK6Input,
  run: ({ body, user, token }) => {
    const { measurement, on, off, overhead } = measurementFromK6(body, new Date())
    return unprocessableOutsideInventory(async () => ({
      measurement: await saveOverheadMeasurement(measurement, { source: 'k6', by: user?.id ?? null, token }),
      k6: { on, off, overhead },
    }))
  },
})

// The demo pager (a process started by `npm run demo`): posts the incident history (plan-incidents.ts)
// to the app's PagerDuty webhook as PagerDuty would, each incident's incident.triggered and then its
// incident.resolved, signed with the demo's webhook secret, in the order they happened. Safe to run
// again: event ids are fixed, so the app answers a replay with 200 and stores nothing new.
//   DEMO_APP_URL=… DEMO_PAGERDUTY_SECRET=… tsx demo/pager/run-pager.ts --anchor ISO [--seed N]
import { parseArgs } from 'node:util'
import { describeRefusal, postToApp } from '../jobs/post-to-app'
import { pagerDutyDeliveries, signPagerDutyBody } from './pagerduty-delivery'
import { planIncidents } from './plan-incidents'

export const DEFAULT_PAGER_SEED = 20251

async function main() {
  const { values } = parseArgs({ options: { anchor: { type: 'string' }, seed: { type: 'string' } } })
  const appUrl = process.env.DEMO_APP_URL
  const secret = process.env.DEMO_PAGERDUTY_SECRET
  const anchorMs = Date.parse(values.anchor ?? '')
  if (!appUrl || !secret || Number.isNaN(anchorMs)) throw new Error('needs DEMO_APP_URL, DEMO_PAGERDUTY_SECRET and --anchor ISO')
  const seed = values.seed ? Number(values.seed) : DEFAULT_PAGER_SEED
  const incidents = planIncidents({ anchorMs, seed })
  const deliveries = incidents
    .flatMap((incident) => pagerDutyDeliveries(incident, { seed }))
    .sort((a, b) => a.occurredAtMs - b.occurredAtMs)
  const answers = new Map<number, number>()
  for (const delivery of deliveries) {
    const response = await postToApp(`${appUrl}/api/v1/webhooks/pagerduty`, delivery.body, {
      'x-pagerduty-signature': signPagerDutyBody(delivery.body, secret),
      'user-agent': 'PagerDuty-Webhook/V3.0',
    })
    if (response.status >= 300) throw new Error(`the app refused a ${delivery.eventType} delivery: ${describeRefusal(response)}`)
    answers.set(response.status, (answers.get(response.status) ?? 0) + 1)
  }
  const before = incidents.filter((incident) => incident.cohort === 'before').length
  console.log(
    `posted ${deliveries.length} PagerDuty deliveries for ${incidents.length} incidents (${before} before their service's go-live, ` +
      `${incidents.length - before} after): ${[...answers].map(([status, count]) => `${count} × ${status}`).join(', ')}`,
  )
}

main().catch((error: unknown) => {
  console.error(`demo pager: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})

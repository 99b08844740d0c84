// The demo's CI: account-service's pipeline posts each of its rollouts to Spanlens, as a CI job would
// (POST /api/v1/deployments with the demo jobs' token, scope deployments.write): the ones of the last
// two days, and the one under way. audit-log-service's canaries are not posted: Spanlens finds those
// from their spans alone.
import { createDeployments } from '../simulator/deployments'
import { describeRefusal, postToApp } from './post-to-app'

const POSTED_SERVICE = 'account-service'
const HISTORY_MS = 2 * 24 * 3_600_000

export async function postDemoDeployments({ appUrl, token, anchor }: { appUrl: string; token: string; anchor: Date }): Promise<number> {
  const anchorUs = anchor.getTime() * 1000
  const records = createDeployments(anchorUs)
    .deploymentsBetween(anchorUs - HISTORY_MS * 1000, anchorUs)
    .filter((record) => record.service === POSTED_SERVICE && record.startUs <= anchorUs)
  for (const record of records) {
    const body = {
      service: record.service,
      version: record.toVersion,
      time: new Date(record.startUs / 1000).toISOString(),
      link: `https://ci.finova.example/${record.service}/releases/${encodeURIComponent(record.toVersion)}`,
    }
    const answer = await postToApp(`${appUrl}/api/v1/deployments`, JSON.stringify(body), { authorization: `Bearer ${token}` })
    if (answer.status !== 201) throw new Error(`deployment ${record.toVersion} refused: ${describeRefusal(answer)}`)
  }
  return records.length
}

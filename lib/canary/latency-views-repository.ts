// The latency pages' views with their deployments. lib/latency reads the views but comes before
// canary in lib's order, so it cannot read deployments; pages and their routes pass each view
// through here, and the types check canary's rows against lib/latency's schemas.
import type { OperationView, ServicesView, ServiceView } from '@/lib/latency/schemas'
import { fromMicros } from '@/lib/time/micros'
import { listDeploymentMarkers, listDeploymentsInProgress } from './deployment-read-repository'

type MarkedView = ServiceView | OperationView

/** The service's deployments that started in the view's range: markers on its charts. */
export async function addDeploymentMarkers<View extends Omit<MarkedView, 'deploymentMarkers'>>(
  read: Promise<View>,
): Promise<View & Pick<MarkedView, 'deploymentMarkers'>> {
  const view = await read
  const fromMs = fromMicros(view.range.startUs).getTime()
  const toMs = fromMicros(view.range.endUs).getTime()
  return { ...view, deploymentMarkers: await listDeploymentMarkers(view.service, fromMs, toMs) }
}

/** Which services are mid-deployment (read while the list is). */
export async function addDeploymentsInProgress(read: Promise<Omit<ServicesView, 'deploymentsInProgress'>>): Promise<ServicesView> {
  const [view, inProgress] = await Promise.all([read, listDeploymentsInProgress()])
  return {
    ...view,
    deploymentsInProgress: [...inProgress.values()].map(({ id, service, version, baselineVersion, verdict, score, canaryShare }) => ({
      id,
      service,
      version,
      baselineVersion,
      verdict,
      score,
      canaryShare,
    })),
  }
}

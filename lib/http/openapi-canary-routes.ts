// The canary part of /api/v1 for lib/http/openapi.ts: deployments (observed and posted by CI) and the
// verdict rollout tools ask for. Add a deployment or verdict route here when you add one.
import { serviceNameParam } from '@/lib/latency/schemas'
import {
  deploymentCreatedSchema,
  deploymentInput,
  deploymentListQuery,
  deploymentListSchema,
  verdictQuery,
  versionParam,
  versionVerdictSchema,
} from '@/lib/canary/schemas'
import type { RouteDoc } from './openapi-routes'

export const CANARY_ROUTES: RouteDoc[] = [
  {
    path: '/api/v1/deployments',
    summary: 'Deployments, most recent first',
    description:
      "Each deployment: a new `service.version` seen in a service's spans (or announced by CI), the version it replaces (`baselineVersion`), its status (announced, in_progress, finished, rolled_back), its canary verdict with the score and first reason, and the canary's share of the entry spans.",
    query: deploymentListQuery,
    response: { name: 'DeploymentList', schema: deploymentListSchema },
  },
  {
    path: '/api/v1/deployments',
    method: 'post',
    summary: 'Record a deployment (CI)',
    description:
      'The service, the version, when it was deployed (`time`, default now) and a link to the pipeline run. Joined to the observed deployment of the same version when its first spans arrive; a repeat updates the time and link. 201 with the deployment page in `Location`.',
    body: { name: 'DeploymentInput', schema: deploymentInput },
    response: { name: 'DeploymentCreated', schema: deploymentCreatedSchema },
    tokenScope: 'deployments.write',
  },
  {
    path: '/api/v1/services/{service}/versions/{version}/verdict',
    summary: 'Is this version healthy enough to promote?',
    description:
      'The canary verdict (pass, marginal, fail, not_enough_data) of the version against the one it replaces, over the last four hours in which both ran, judged live from the summaries: p50/p95/p99 from merged histograms, a Mann-Whitney rank test over the histogram bins, a two-proportion test of the error rates, and the canary\'s traffic share, each with its figures and reason. For Argo Rollouts\' `web` metric provider: `successCondition: result.verdict == "pass"`, `failureCondition: result.verdict == "fail"`. With `gate=pass` (or `not-fail`) the status code carries the answer: 412 unless it passes, for Flagger webhooks and `curl --fail`.',
    pathParams: { service: serviceNameParam, version: versionParam },
    query: verdictQuery,
    response: { name: 'VersionVerdict', schema: versionVerdictSchema },
    tokenScope: 'verdicts.read',
    errors: { '412': { description: 'With `gate`: the verdict does not meet it (the body is the verdict as usual)' } },
  },
]

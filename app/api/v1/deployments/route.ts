import { NextResponse } from 'next/server'
import { announceDeployment } from '@/lib/canary/deployments-repository'
import { listDeployments } from '@/lib/canary/deployment-read-repository'
import { deploymentInput, deploymentListQuery } from '@/lib/canary/schemas'
import { defineRoute } from '@/lib/http/define-route'

/** Deployments, most recent first: observed from `service.version` and announced by CI. */
export const GET = defineRoute({
  permission: 'dashboard.read',
  query: deploymentListQuery,
  run: async ({ query }) => ({ deployments: await listDeployments(query) }),
})

/**
 * CI records a deployment (service, version, time, link): joined to the version when its spans are
 * seen, or waiting for them. Idempotent per (service, version): a repeat updates the time and link.
 */
export const POST = defineRoute({
  permission: 'deployments.write',
  token: { scope: 'deployments.write' },
  body: deploymentInput,
  run: async ({ body, user, token }) => {
    const { id } = await announceDeployment({
      service: body.service,
      version: body.version,
      at: body.time ? new Date(body.time) : new Date(),
      link: body.link ?? null,
      by: token ? `token:${token.name}` : (user?.email ?? 'unknown'),
    })
    return NextResponse.json(
      { id, service: body.service, version: body.version, url: `/deployments/${id}` },
      { status: 201, headers: { location: `/deployments/${id}`, 'cache-control': 'no-store' } },
    )
  },
})

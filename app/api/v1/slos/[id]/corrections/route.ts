import { NextResponse } from 'next/server'
import { defineRoute } from '@/lib/http/define-route'
import { correctionInput, sloParams } from '@/lib/slo/schemas'
import { addCorrection, listCorrections } from '@/lib/slo/corrections-repository'

const iso = (ms: number) => new Date(ms).toISOString()

/** The SLO's corrections: periods left out of its budget. */
export const GET = defineRoute({
  permission: 'dashboard.read',
  params: sloParams,
  run: async ({ params }) => {
    const corrections = (await listCorrections([params.id])).get(params.id) ?? []
    return {
      corrections: corrections.map((correction) => ({
        id: correction.id,
        startsAt: iso(correction.startMs),
        endsAt: iso(correction.endMs),
        reason: correction.reason,
        author: correction.author,
        createdAt: iso(correction.createdAt),
      })),
    }
  },
})

/**
 * Adds a correction (a maintenance window, known-bad data): `{ startsAt, endsAt, reason }`, instants in ISO
 * 8601. The budget is re-counted without it on the worker's next pass. 201; audited.
 */
export const POST = defineRoute({
  permission: 'slos.write',
  token: { scope: 'slos.write' },
  params: sloParams,
  body: correctionInput,
  run: async ({ params, body, user, token }) => {
    const correction = await addCorrection(params.id, body, {
      by: user?.id ?? null,
      token,
      author: user?.email ?? `token ${token?.name ?? ''}`.trim(),
    })
    return NextResponse.json(
      {
        id: correction.id,
        startsAt: iso(correction.startMs),
        endsAt: iso(correction.endMs),
        reason: correction.reason,
        author: correction.author,
      },
      { status: 201, headers: { 'cache-control': 'no-store' } },
    )
  },
})

import { NextResponse } from 'next/server'
import { defineRoute } from '@/lib/http/define-route'
import { correctionParams } from '@/lib/slo/slo-api'
import { deleteCorrection } from '@/lib/slo/corrections-repository'

/** Removes a correction: its minutes count again from the next pass. 204; audited. */
export const DELETE = defineRoute({
  permission: 'slos.write',
  token: { scope: 'slos.write' },
  params: correctionParams,
  run: async ({ params, user, token }) => {
    await deleteCorrection(params.id, params.correctionId, { by: user?.id ?? null, token })
    return new NextResponse(null, { status: 204, headers: { 'cache-control': 'no-store' } })
  },
})

import { NextResponse } from 'next/server'
import { z } from 'zod'
import { defineRoute } from '@/lib/http/define-route'
import { boardCsv } from '@/lib/rollout/board-csv'
import { getRolloutBoard } from '@/lib/rollout/board-repository'

/** The rollout board: JSON, or CSV with `?format=csv` (a download). */
export const GET = defineRoute({
  permission: 'dashboard.read',
  query: z.object({ format: z.enum(['json', 'csv']).default('json') }),
  run: async ({ query }) => {
    const board = await getRolloutBoard()
    if (query.format === 'json') return board
    return new NextResponse(boardCsv(board.services), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="rollout-${board.today}.csv"`,
        'cache-control': 'no-store',
      },
    })
  },
})

import { NextResponse } from 'next/server'
import { NotInInventoryError } from '@/lib/overhead/repository'

/** A measurement of a service the inventory does not hold is well-formed but unprocessable: 422 naming `service`. */
export async function unprocessableOutsideInventory<R>(save: () => Promise<R>): Promise<R | NextResponse> {
  try {
    return await save()
  } catch (error) {
    if (!(error instanceof NotInInventoryError)) throw error
    return NextResponse.json({ error: 'unprocessable', issues: error.issues }, { status: 422, headers: { 'cache-control': 'no-store' } })
  }
}

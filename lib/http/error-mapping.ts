// The one translation of errors lib/ throws into what a caller is told, shared by route handlers
// (JSON + status) and server actions (form state). Anything not listed here is a bug: it propagates.
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  UnauthorizedError,
  UnavailableError,
  type FieldIssue,
} from '@/lib/errors'

export type MappedError =
  | { status: 400; error: 'invalid_input'; issues: FieldIssue[] }
  /** `issues` when the conflict is about fields (a name taken, a stale version). */
  | { status: 409; error: 'conflict'; message: string; issues?: FieldIssue[] }
  | { status: 401 | 403 | 404 | 503; error: 'unauthorized' | 'forbidden' | 'not_found' | 'unavailable'; message: string }

/** Prisma's "transaction failed due to a write conflict" (SQLSTATE 40001/40P01) after lib/db's retries, duck-typed: lib/http does not import Prisma. */
const isWriteConflict = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2034'

export function mapError(error: unknown): MappedError | null {
  if (error instanceof InvalidInputError) return { status: 400, error: 'invalid_input', issues: error.issues }
  if (error instanceof UnauthorizedError) return { status: 401, error: 'unauthorized', message: error.message }
  if (error instanceof ForbiddenError) return { status: 403, error: 'forbidden', message: error.message }
  if (error instanceof NotFoundError) return { status: 404, error: 'not_found', message: error.message }
  if (error instanceof ConflictError)
    return { status: 409, error: 'conflict', message: error.message, ...(error.issues.length && { issues: error.issues }) }
  if (isWriteConflict(error)) return { status: 409, error: 'conflict', message: 'someone else changed this at the same moment; try again' }
  if (error instanceof UnavailableError) return { status: 503, error: 'unavailable', message: error.message }
  return null
}

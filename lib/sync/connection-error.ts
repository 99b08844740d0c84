// Tells a lost or unreachable database connection (server restarting, down, not yet accepting) apart
// from a failed query, through pg and through Prisma's pg adapter, so a caller can wait for the
// database instead of blaming its own work. Pure.

/** SQLSTATE class 08 (connection exception); 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting up, shutting down). */
const CONNECTION_SQLSTATE = /^(08...|57P0[123])$/
/** P1001 can't reach the server, P1002 timed out reaching it, P1017 the server closed the connection. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1017'])
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH'])
/** @prisma/adapter-pg's names for socket errors (its convertDriverError). */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout'])
/** node-postgres raises these as plain Errors, without a code. */
const PG_MESSAGES =
  /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect/

type Inspectable = {
  code?: unknown
  kind?: unknown
  message?: unknown
  errors?: unknown
  meta?: { driverAdapterError?: { cause?: unknown } }
}

export function isConnectionError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { code, kind, message, errors, meta } = error as Inspectable
  if (typeof code === 'string' && (CONNECTION_SQLSTATE.test(code) || PRISMA_CODES.has(code) || SOCKET_CODES.has(code))) return true
  if (typeof kind === 'string' && ADAPTER_KINDS.has(kind)) return true
  if (typeof message === 'string' && PG_MESSAGES.test(message)) return true
  // Net tries every address of a host and reports them together.
  if (Array.isArray(errors) && errors.length > 0 && errors.every(isConnectionError)) return true
  return meta?.driverAdapterError?.cause !== undefined && isConnectionError(meta.driverAdapterError.cause)
}

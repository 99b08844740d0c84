import { expect, test } from 'vitest'
import { isConnectionError } from './connection-error'

const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -111, syscall: 'connect' })
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'FATAL' })
/** Prisma 7's shape for a driver adapter failure, as seen when the server restarts under a query. */
const prismaError = (code: string, cause: object) =>
  Object.assign(new Error('Invalid `prisma.$queryRaw()` invocation'), {
    code,
    meta: { driverAdapterError: { name: 'DriverAdapterError', cause } },
  })

test.each([
  ['refused while the server is down', socketError('ECONNREFUSED'), true],
  ['reset under a query', socketError('ECONNRESET'), true],
  ['pg: admin shutdown (fast restart)', pgError('57P01', 'terminating connection due to administrator command'), true],
  ['pg: still starting up', pgError('57P03', 'the database system is starting up'), true],
  ['pg: connection exception class 08', pgError('08006', 'connection failure'), true],
  ['pg: socket closed under a query', new Error('Connection terminated unexpectedly'), true],
  ['pg: query on a dead client', new Error('Client has encountered a connection error and is not queryable'), true],
  ['pg: pool connect timeout', new Error('timeout exceeded when trying to connect'), true],
  ['prisma: raw query, server unreachable', prismaError('P2010', { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 }), true],
  [
    'prisma: raw query, admin shutdown',
    prismaError('P2010', {
      kind: 'postgres',
      code: '57P01',
      severity: 'FATAL',
      message: 'terminating connection due to administrator command',
    }),
    true,
  ],
  ['prisma: model query, server unreachable', prismaError('P1001', { kind: 'DatabaseNotReachable' }), true],
  ['every address of the host refused', new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')], ''), true],
  ['an empty aggregate', new AggregateError([], ''), false],
  ['prisma: unique constraint', prismaError('P2002', { kind: 'UniqueConstraintViolation' }), false],
  [
    'prisma: raw query syntax error',
    prismaError('P2010', { kind: 'postgres', code: '42601', severity: 'ERROR', message: 'syntax error' }),
    false,
  ],
  ['pg: serialization failure', pgError('40001', 'could not serialize access'), false],
  ['a Jaeger failure naming its cause in the message', new Error('/api/v3/traces: fetch failed (ECONNREFUSED)'), false],
  ['not an error', 'ECONNREFUSED', false],
  ['null', null, false],
])('%s', (_label, error, expected) => expect(isConnectionError(error)).toBe(expected))

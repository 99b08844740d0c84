import { describe, expect, test } from 'vitest'
import { computeHealthStatus, isWorkerFresh } from './health-status'

describe('computeHealthStatus', () => {
  test.each([
    ['everything up', { databaseOk: true, jaegerOk: true, workerFresh: true }, 'ok'],
    ['Jaeger down only degrades', { databaseOk: true, jaegerOk: false, workerFresh: true }, 'degraded'],
    ['a silent worker only degrades', { databaseOk: true, jaegerOk: true, workerFresh: false }, 'degraded'],
    ['no database is down, whatever else', { databaseOk: false, jaegerOk: true, workerFresh: true }, 'down'],
  ] as const)('%s', (_label, parts, status) => expect(computeHealthStatus(parts)).toBe(status))
})

describe('isWorkerFresh', () => {
  const now = new Date('2026-01-01T00:01:00Z')
  test.each([
    ['never seen', null, false],
    ['seen 30 s ago with a 15 s heartbeat', new Date('2026-01-01T00:00:30Z'), true],
    ['seen exactly 3 heartbeats ago', new Date('2026-01-01T00:00:15Z'), true],
    ['seen 4 heartbeats ago', new Date('2026-01-01T00:00:00Z'), false],
  ])('%s', (_label, lastSeenAt, fresh) => expect(isWorkerFresh(lastSeenAt, now, 15)).toBe(fresh))
})

import { describe, expect, test } from 'vitest'
import { computeHealthStatus, isWorkerFresh, toPublicHealth } from './health-status'

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

test('toPublicHealth keeps only up or down per part', () => {
  const health = {
    status: 'degraded' as const,
    checkedAt: '2026-12-06T00:00:00.000Z',
    database: { ok: true, latencyMs: 3 },
    jaeger: { ok: false, error: 'connect ECONNREFUSED 10.1.2.3:16686', latencyMs: 2, source: 'live' },
    worker: { ok: true, lastSeenAt: '2026-12-06T00:00:00.000Z' },
  }
  const shown = toPublicHealth(health)
  expect(shown).toEqual({
    status: 'degraded',
    checkedAt: health.checkedAt,
    database: { ok: true },
    jaeger: { ok: false },
    worker: { ok: true },
  })
  expect(JSON.stringify(shown)).not.toContain('10.1.2.3')
})

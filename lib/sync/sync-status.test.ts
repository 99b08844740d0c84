import { expect, test } from 'vitest'
import { computeSyncStatus, type SyncStatusInput } from './sync-status'

const NOW = new Date('2026-11-24T12:00:00Z')
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000)
const options = { now: NOW, settleMs: 2 * 60_000, windowMs: 15 * 60_000 }
const input = (overrides: Partial<SyncStatusInput>): SyncStatusInput => ({
  service: 'ledger-service',
  origin: 'inventory',
  watermark: minutesAgo(5),
  backfillFrom: minutesAgo(14 * 24 * 60),
  liveFrom: null,
  liveWatermark: null,
  lastSuccessAt: minutesAgo(1),
  lastError: null,
  lastErrorAt: null,
  nextAttemptAt: null,
  recentSpans: 1200,
  recentMinutes: 60,
  ...overrides,
})

test.each([
  [
    'within a window of now − settle: caught up',
    input({}),
    { health: 'caught-up', lagSeconds: 180, spansPerMinute: 20, backfillPercent: 100 },
  ],
  [
    'one range, half way through: current data is behind',
    input({ watermark: minutesAgo(7 * 24 * 60 + 1) }),
    { health: 'catching-up', backfillPercent: 50 },
  ],
  [
    'live range current, history half way below it',
    input({ watermark: minutesAgo(7 * 24 * 60 + 30), liveFrom: minutesAgo(60), liveWatermark: minutesAgo(3) }),
    { health: 'backfilling', lagSeconds: 60, backfillPercent: 50, dataAsOf: minutesAgo(3).toISOString() },
  ],
  [
    'live range behind',
    input({ watermark: minutesAgo(14 * 24 * 60), liveFrom: minutesAgo(60), liveWatermark: minutesAgo(60) }),
    { health: 'catching-up', backfillPercent: 0 },
  ],
  [
    'an error after the last success is failing',
    input({ lastError: 'GET /api/v3/traces: answered 503', lastErrorAt: minutesAgo(0.5), nextAttemptAt: minutesAgo(-2) }),
    { health: 'failing', retryAt: minutesAgo(-2).toISOString() },
  ],
  ['an old error, since recovered, is not', input({ lastError: 'timed out', lastErrorAt: minutesAgo(30) }), { health: 'caught-up' }],
  [
    'an inventory service Jaeger has never listed',
    input({ watermark: null, backfillFrom: null, lastSuccessAt: null }),
    { health: 'not-in-jaeger', dataAsOf: null, spansPerMinute: null },
  ],
  ['no recent windows: no rate rather than zero', input({ recentSpans: 0, recentMinutes: 0 }), { spansPerMinute: null }],
])('%s', (_label, given, expected) => expect(computeSyncStatus(given, options)).toMatchObject(expected))

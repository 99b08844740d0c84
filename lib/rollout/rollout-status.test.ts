import { describe, expect, test } from 'vitest'
import { addDays, type CalendarDay } from './calendar-day'
import { applyOverride, computeRolloutStatus, type RolloutStatusResult } from './rollout-status'
import { DEFAULT_ROLLOUT_THRESHOLDS, rolloutThresholdsSchema, type DailyQuality, type RolloutOverride } from './schemas'

const TODAY = '2026-12-10'
const YESTERDAY = '2026-12-09'

/** A good day: every trace complete, every server and HTTP span with its key attribute. */
const good = (day: CalendarDay, overrides: Partial<DailyQuality> = {}): DailyQuality => ({
  day,
  spans: 5000,
  tracesSeen: 1000,
  tracesComplete: 1000,
  serverSpans: 800,
  serverSpansWithRoute: 800,
  httpSpans: 600,
  httpSpansWithStatus: 600,
  ...overrides,
})
/** `count` good days ending `last` (oldest first). */
const goodRun = (last: CalendarDay, count: number): DailyQuality[] =>
  Array.from({ length: count }, (_, i) => good(addDays(last, i - count + 1)))
const at = (day: CalendarDay) => new Date(`${day}T09:30:00Z`)

describe('computeRolloutStatus', () => {
  test.each<[string, { days: DailyQuality[]; firstSpanAt: Date | null }, Partial<RolloutStatusResult>]>([
    ['no spans ever: not started', { days: [], firstSpanAt: null }, { status: 'not_started', goodDays: 0, failing: [] }],
    [
      'a record of empty days is still not started',
      { days: [good('2026-12-08', { spans: 0, tracesSeen: 0, tracesComplete: 0 })], firstSpanAt: null },
      { status: 'not_started' },
    ],
    [
      'first spans today: instrumented, no full day yet',
      { days: [good(TODAY)], firstSpanAt: at(TODAY) },
      {
        status: 'instrumented',
        goodDays: 0,
        failing: [{ day: TODAY, check: 'live_days', message: `live for 0 of 7 full days (first spans on ${TODAY})` }],
      },
    ],
    [
      'three good days since go-live: instrumented, the wait is one reason, not one per day',
      { days: goodRun(YESTERDAY, 3), firstSpanAt: at('2026-12-07') },
      {
        status: 'instrumented',
        goodDays: 3,
        failing: [{ day: '2026-12-07', check: 'live_days', message: 'live for 3 of 7 full days (first spans on 2026-12-07)' }],
      },
    ],
    [
      'seven good full days ending yesterday: verified since yesterday',
      { days: goodRun(YESTERDAY, 7), firstSpanAt: at('2026-12-03') },
      { status: 'verified', goodDays: 7, verifiedSince: YESTERDAY, failing: [] },
    ],
    [
      'ten good days: verified since the seventh',
      { days: goodRun(YESTERDAY, 10), firstSpanAt: at('2026-11-30') },
      { status: 'verified', goodDays: 10, verifiedSince: '2026-12-06' },
    ],
    [
      "today's partial day never counts against it",
      { days: [...goodRun(YESTERDAY, 7), good(TODAY, { tracesComplete: 10 })], firstSpanAt: at('2026-12-03') },
      { status: 'verified', goodDays: 7 },
    ],
    [
      "today's partial day never counts for it either",
      { days: [...goodRun(YESTERDAY, 6), good(TODAY)], firstSpanAt: at('2026-12-04') },
      { status: 'instrumented', goodDays: 6 },
    ],
    [
      'complete share exactly at the minimum is good',
      { days: goodRun(YESTERDAY, 7).map((d) => ({ ...d, tracesComplete: 990 })), firstSpanAt: at('2026-12-03') },
      { status: 'verified' },
    ],
    [
      'a day with no server or HTTP spans meets the key-attribute check',
      {
        days: goodRun(YESTERDAY, 7).map((d) => ({ ...d, serverSpans: 0, serverSpansWithRoute: 0, httpSpans: 0, httpSpansWithStatus: 0 })),
        firstSpanAt: at('2026-12-03'),
      },
      { status: 'verified' },
    ],
    [
      'rows in any order, two rows for one day added together',
      {
        days: [
          ...goodRun(YESTERDAY, 7).reverse(),
          // alone this row would fail (50 %); with the day's other row it is 1 010 / 1 020 = 99.02 %
          good('2026-12-05', { tracesSeen: 20, tracesComplete: 10 }),
        ],
        firstSpanAt: at('2026-12-03'),
      },
      { status: 'verified' },
    ],
    [
      'firstSpanAt unknown but spans in the record: instrumented, go-live from the record',
      { days: goodRun(YESTERDAY, 2), firstSpanAt: null },
      {
        status: 'instrumented',
        goLiveAt: null,
        failing: [{ day: '2026-12-08', check: 'live_days', message: 'live for 2 of 7 full days (first spans on 2026-12-08)' }],
      },
    ],
  ])('%s', (_label, input, expected) => {
    expect(computeRolloutStatus({ ...input, today: TODAY })).toMatchObject(expected)
  })

  test('each failed check is named with its day, value and need, oldest first', () => {
    const days = goodRun(YESTERDAY, 12).map((d) => {
      if (d.day === '2026-12-03') return { ...d, tracesComplete: 972 }
      if (d.day === '2026-12-05') return { ...d, serverSpansWithRoute: 500, httpSpansWithStatus: 590 } // 1 090 / 1 400
      if (d.day === '2026-12-07') return { ...d, tracesSeen: 0, tracesComplete: 0 }
      return d
    })
    const withoutDay = days.filter((d) => d.day !== '2026-12-08')
    const result = computeRolloutStatus({ days: withoutDay, firstSpanAt: at('2026-11-28'), today: TODAY })
    expect(result.goodDays).toBe(1)
    expect(result.failing).toEqual([
      { day: '2026-12-03', check: 'complete_traces', message: 'complete traces 97.2 % on 2026-12-03 (needs ≥ 99 %)' },
      { day: '2026-12-05', check: 'key_attributes', message: 'key attributes 77.9 % on 2026-12-05 (needs ≥ 95 %)' },
      { day: '2026-12-07', check: 'complete_traces', message: 'no traces checked on 2026-12-07' },
      { day: '2026-12-08', check: 'spans', message: 'no spans on 2026-12-08' },
    ])
    expect(result.status).toBe('instrumented') // good runs of 5, 1, 1 and 1 days: never 7 in a row
  })

  test('a share just under the minimum shows enough digits not to read as meeting it', () => {
    const days = [...goodRun('2026-12-08', 6), good(YESTERDAY, { tracesSeen: 100_000, tracesComplete: 98_996 })]
    expect(computeRolloutStatus({ days, firstSpanAt: at('2026-12-01'), today: TODAY }).failing).toEqual([
      { day: YESTERDAY, check: 'complete_traces', message: `complete traces 98.996 % on ${YESTERDAY} (needs ≥ 99 %)` },
    ])
  })

  describe('regressed: verified at some point, not over the last days', () => {
    test.each<[string, DailyQuality[], RolloutStatusResult['status']]>([
      ['seven good days, then yesterday bad', [...goodRun('2026-12-08', 7), good(YESTERDAY, { tracesComplete: 972 })], 'regressed'],
      ['seven good days long ago, then silence', goodRun('2026-11-20', 7), 'regressed'],
      ['seven good days long ago, and good again for three', [...goodRun('2026-11-20', 7), ...goodRun(YESTERDAY, 3)], 'regressed'],
      ['six good days, a gap, six good days: never verified', [...goodRun('2026-12-02', 6), ...goodRun(YESTERDAY, 6)], 'instrumented'],
      [
        'six good days, a bad one, six good days: never verified',
        [...goodRun('2026-12-01', 6), good('2026-12-02', { httpSpansWithStatus: 0 }), ...goodRun(YESTERDAY, 7).slice(1)],
        'instrumented',
      ],
    ])('%s → %s', (_label, days, status) => {
      const result = computeRolloutStatus({ days, firstSpanAt: at('2026-11-01'), today: TODAY })
      expect(result.status).toBe(status)
      expect(result.verifiedSince).toBeNull()
      expect(result.failing.length).toBeGreaterThan(0)
    })

    test('yesterday bad after a verified run: the reason and zero good days', () => {
      const days = [...goodRun('2026-12-08', 7), good(YESTERDAY, { tracesComplete: 972 })]
      expect(computeRolloutStatus({ days, firstSpanAt: at('2026-12-02'), today: TODAY })).toEqual({
        status: 'regressed',
        goLiveAt: at('2026-12-02'),
        verifiedSince: null,
        goodDays: 0,
        failing: [{ day: YESTERDAY, check: 'complete_traces', message: `complete traces 97.2 % on ${YESTERDAY} (needs ≥ 99 %)` }],
      })
    })
  })

  test('thresholds are the caller’s: three days of 95 % complete verify under a looser rule', () => {
    const days = goodRun(YESTERDAY, 3).map((d) => ({ ...d, tracesComplete: 950 }))
    const thresholds = { verifyDays: 3, minCompleteShare: 0.95, minKeyAttributeShare: 0.5 }
    expect(computeRolloutStatus({ days, firstSpanAt: at('2026-12-07'), today: TODAY, thresholds })).toMatchObject({
      status: 'verified',
      verifiedSince: YESTERDAY,
    })
    expect(computeRolloutStatus({ days, firstSpanAt: at('2026-12-07'), today: TODAY }).status).toBe('instrumented')
  })
})

describe('rolloutThresholdsSchema', () => {
  test('the defaults are 7 days, 99 % complete, 95 % key attributes, and parse', () => {
    expect(rolloutThresholdsSchema.parse(DEFAULT_ROLLOUT_THRESHOLDS)).toEqual({
      verifyDays: 7,
      minCompleteShare: 0.99,
      minKeyAttributeShare: 0.95,
    })
  })
  test.each([
    ['zero days', { ...DEFAULT_ROLLOUT_THRESHOLDS, verifyDays: 0 }, 'verifyDays'],
    ['a fraction of a day', { ...DEFAULT_ROLLOUT_THRESHOLDS, verifyDays: 2.5 }, 'verifyDays'],
    ['a share above 1 (a percentage typed as 99)', { ...DEFAULT_ROLLOUT_THRESHOLDS, minCompleteShare: 99 }, 'minCompleteShare'],
    ['a negative share', { ...DEFAULT_ROLLOUT_THRESHOLDS, minKeyAttributeShare: -0.1 }, 'minKeyAttributeShare'],
  ])('refuses %s, naming the field', (_label, input, field) => {
    const parsed = rolloutThresholdsSchema.safeParse(input)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual([field])
  })
})

describe('applyOverride', () => {
  const now = new Date('2026-12-10T12:00:00Z')
  const computed = computeRolloutStatus({ days: goodRun(YESTERDAY, 3), firstSpanAt: at('2026-12-07'), today: TODAY })
  const override = (expiresAt: Date | null): RolloutOverride => ({
    status: 'verified',
    reason: 'batch service: spans only at night, checked by hand',
    expiresAt,
    by: 'user-7',
  })

  test.each<[string, RolloutOverride | null, { override: RolloutOverride | null; effective: string }]>([
    ['no override: the computed status', null, { override: null, effective: 'instrumented' }],
    ['an override without expiry holds', override(null), { override: override(null), effective: 'verified' }],
    [
      'an override expiring later holds',
      override(new Date('2026-12-11T00:00:00Z')),
      { override: override(new Date('2026-12-11T00:00:00Z')), effective: 'verified' },
    ],
    ['an override expiring now is over', override(now), { override: null, effective: 'instrumented' }],
    ['an expired override is ignored', override(new Date('2026-12-01T00:00:00Z')), { override: null, effective: 'instrumented' }],
  ])('%s', (_label, input, expected) => {
    expect(applyOverride(computed, input, now)).toEqual({ computed, ...expected })
  })
})

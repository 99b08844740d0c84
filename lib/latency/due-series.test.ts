import { describe, expect, test } from 'vitest'
import { MINUTE_US } from '@/lib/time/time-buckets'
import { dueReason, type StoredVerdict } from './due-series'
import type { JudgementSignature } from './series-history'

const judged: JudgementSignature = {
  hourlyRevision: 41,
  detectionStepUs: 30 * MINUTE_US,
  endUs: 600 * MINUTE_US,
  firstCount: 27,
  firstP95Us: 51_200,
}
const changed = (change: Partial<JudgementSignature>): JudgementSignature => ({ ...judged, ...change })

describe('dueReason', () => {
  test.each<
    [
      string,
      { forced?: boolean; stored?: StoredVerdict; judged?: JudgementSignature | null; signature?: JudgementSignature },
      string | null,
    ]
  >([
    ['nothing it reads changed (no new rows, same step window): keeps its verdict', {}, null],
    [
      'new rows in its hours (the partial hour grew, or an old hour left the history)',
      { signature: changed({ hourlyRevision: 42 }) },
      'inputs changed',
    ],
    [
      'time alone: the judged stretch moved by a step (buckets enter and leave, the baseline window shifts)',
      { signature: changed({ endUs: 630 * MINUTE_US }) },
      'inputs changed',
    ],
    [
      'time alone: the recent rows no longer reach a row of the first 30-minute bucket',
      { signature: changed({ firstCount: 26, firstP95Us: 49_800 }) },
      'inputs changed',
    ],
    ['the first bucket lost a row without spans in it: same count and p95, verdict stands', { signature: changed({}) }, null],
    ['the detection step changed', { signature: changed({ detectionStepUs: 15 * MINUTE_US }) }, 'inputs changed'],
    ['an admin changed the baseline window: forced', { forced: true }, 'forced'],
    ['no stored verdict (a new operation, or a row deleted)', { stored: 'none' }, 'no verdict'],
    ['a stored verdict of another version, or damaged', { stored: 'unreadable' }, 'unreadable verdict'],
    ['a stored verdict this worker did not write (another worker, the admin page)', { stored: 'elsewhere' }, 'verdict written elsewhere'],
    ['its history was rebuilt from all rows (first pass, backfill, a long gap)', { judged: null }, 'history rebuilt'],
  ])('%s', (_label, given, expected) => {
    expect(
      dueReason({
        forced: given.forced ?? false,
        stored: given.stored ?? 'ours',
        judged: given.judged === undefined ? judged : given.judged,
        signature: given.signature ?? judged,
      }),
    ).toBe(expected)
  })
})

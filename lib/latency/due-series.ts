// Which series a pass judges again. A verdict is a pure function of what its series' judgement reads
// (SeriesHistory's signature) and of the previous verdict, whose slow streak it carries — and judging
// again on the same inputs leaves that streak as it is. So a series keeps its verdict while its
// signature stands, unless the stored verdict is not the one this worker wrote. Pure.
import type { JudgementSignature } from './series-history'

/** The stored verdict as the pass found it: absent, unreadable (another version, damaged), written by someone else, or ours. */
export type StoredVerdict = 'none' | 'unreadable' | 'elsewhere' | 'ours'

export type DueReason = 'forced' | 'no verdict' | 'unreadable verdict' | 'verdict written elsewhere' | 'history rebuilt' | 'inputs changed'

const sameSignature = (a: JudgementSignature, b: JudgementSignature) =>
  a.hourlyRevision === b.hourlyRevision &&
  a.detectionStepUs === b.detectionStepUs &&
  a.endUs === b.endUs &&
  a.firstCount === b.firstCount &&
  a.firstP95Us === b.firstP95Us

/**
 * Why the series must be judged now, or null when its verdict stands.
 * @param judged the signature it was last judged at by this worker; null when its history was just (re)built.
 */
export function dueReason({
  forced,
  stored,
  judged,
  signature,
}: {
  forced: boolean
  stored: StoredVerdict
  judged: JudgementSignature | null
  signature: JudgementSignature
}): DueReason | null {
  if (forced) return 'forced'
  if (stored === 'none') return 'no verdict'
  if (stored === 'unreadable') return 'unreadable verdict'
  if (stored === 'elsewhere') return 'verdict written elsewhere'
  if (!judged) return 'history rebuilt'
  return sameSignature(judged, signature) ? null : 'inputs changed'
}

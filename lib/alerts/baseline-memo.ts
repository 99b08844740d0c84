// Stored latency baselines (latency_health's JSON, as text) parsed once per content. Every evaluator pass
// reads every baseline of its services, but one changes only when lib/latency rewrites it (a new
// judgement, an hour entering its window), while zod's parse of 943 seasonal baselines took ~50 ms of
// every pass (npm run bench -- alerts). Keyed by series and compared by the whole text, so
// a baseline rewritten by anyone (another worker, before a restart) is parsed again at its next read.
// Pure: no database, no clock.
import type { Baseline } from '@/lib/metrics/baseline'
import { storedBaselineSchema } from '@/lib/metrics/schemas'

type Entry = { text: string; baseline: Baseline | null }

export class BaselineMemo {
  /** Per service, per operationKey: the text last read and what it parsed to. */
  private readonly byService = new Map<string, Map<string, Entry>>()

  /**
   * One read of a service's stored baselines: each series' baseline, or null when its text is of another
   * version or damaged. Series the read no longer has are forgotten. A baseline returned again is the
   * same object: callers never change it.
   */
  parseService(service: string, rows: Iterable<{ key: string; text: string }>): Map<string, Baseline | null> {
    const previous = this.byService.get(service)
    const next = new Map<string, Entry>()
    const parsed = new Map<string, Baseline | null>()
    for (const { key, text } of rows) {
      const known = previous?.get(key)
      const entry = known && known.text === text ? known : { text, baseline: parseStoredBaseline(text) }
      next.set(key, entry)
      parsed.set(key, entry.baseline)
    }
    this.byService.set(service, next)
    return parsed
  }
}

/** A stored baseline's text read back (lib/metrics/schemas.ts storedBaselineSchema), or null. */
export function parseStoredBaseline(text: string): Baseline | null {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return null
  }
  const stored = storedBaselineSchema.safeParse(json)
  return stored.success ? stored.data.baseline : null
}

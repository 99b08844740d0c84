// Which names Jaeger knows stand for each name as Spanlens stores it. Spans and services are kept
// under their cleaned names (clean-text.ts), but Jaeger matches a search's service or operation
// exactly, so a cleaned name must be searched for by the original(s) it was cleaned from: `svc\uFFFDa`
// by `svc\u0000a`, and by `svc\uD800a` too when Jaeger lists both.
import { cleanText } from './clean-text'

/**
 * Cleaning turns every character it replaces into U+FFFD, so a name without one is its own and only
 * original: Jaeger's list need not be consulted for it.
 */
export const mayBeCleaned = (name: string) => name.includes('\uFFFD')

export class JaegerNames {
  /** Cleaned name → the names Jaeger listed that clean to it, in Jaeger's order. */
  private readonly originals = new Map<string, string[]>()

  constructor(listed: Iterable<string>) {
    for (const original of listed) {
      const cleaned = cleanText(original)
      const originals = this.originals.get(cleaned)
      if (!originals) this.originals.set(cleaned, [original])
      else if (!originals.includes(original)) originals.push(original)
    }
  }

  /** The listed names as stored, once each (names that clean alike become one). */
  cleaned(): string[] {
    return [...this.originals.keys()]
  }

  /** The names to search Jaeger for to find `name`'s spans; `name` itself when it was not listed. */
  originalsOf(name: string): readonly string[] {
    return this.originals.get(name) ?? [name]
  }

  knows(name: string): boolean {
    return this.originals.has(name)
  }
}

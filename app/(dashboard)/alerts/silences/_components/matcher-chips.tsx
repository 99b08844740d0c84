import { formatMatcher, type Matcher } from '@/lib/alerts/silences'

/** Matchers as Alertmanager writes them, one chip each: service="transactions-service", operation=~"POST .*". */
export function MatcherChips({ matchers, label = 'Matchers' }: { matchers: readonly Matcher[]; label?: string }) {
  return (
    <ul className="flex flex-wrap gap-1" aria-label={label}>
      {matchers.map((matcher, index) => (
        <li key={index}>
          <code className="inline-block rounded-full border border-border bg-surface-muted px-2 py-0.5 font-mono text-xs break-all text-foreground">
            {formatMatcher(matcher)}
          </code>
        </li>
      ))}
    </ul>
  )
}

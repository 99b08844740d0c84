import { PageBody } from '@/components/shell/page-header'

/** A latency panel whose query has no data to show: its error said plainly, or that it is loading. */
export function ViewFallback({ subject, error }: { subject: string; error: Error | null }) {
  return (
    <PageBody>
      {error ? (
        <p role="alert" className="text-sm text-bad">
          Could not load {subject}: {error.message}
        </p>
      ) : (
        <p role="status" className="text-sm text-muted">
          Loading {subject}…
        </p>
      )}
    </PageBody>
  )
}

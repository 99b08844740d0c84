import { formatRelativeTime } from '@/lib/format/relative-time'

/** "5 min ago", the exact instant (UTC) in its title. */
export function DeploymentTime({ at, now }: { at: Date; now: Date }) {
  const iso = at.toISOString()
  return (
    <time dateTime={iso} title={`${iso.slice(0, 19).replace('T', ' ')} UTC`}>
      {formatRelativeTime(at, now)}
    </time>
  )
}

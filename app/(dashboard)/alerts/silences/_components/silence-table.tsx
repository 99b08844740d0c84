import Link from 'next/link'
import { Badge } from '@/components/ui/badge'
import { Table, Td, Th } from '@/components/ui/table'
import { formatSilenceDuration, newSilencePath } from '@/lib/alerts/silence-form'
import { formatMatcher, silenceState, type SilenceRecord } from '@/lib/alerts/silences'
import { formatMoment } from '@/lib/format/date'
import { formatTimeFromNow } from '@/lib/format/relative-time'
import { ExpireSilenceButton } from './expire-silence-button'
import { MatcherChips } from './matcher-chips'

const STATE = { active: { tone: 'accent', label: 'Active' }, pending: { tone: 'warn', label: 'Pending' } } as const

function Moment({ at, now }: { at: number; now: number }) {
  const iso = new Date(at).toISOString()
  return (
    <time dateTime={iso} title={iso} className="whitespace-nowrap">
      {formatTimeFromNow(new Date(at), new Date(now))}
      <span className="block text-xs text-muted">{formatMoment(new Date(at), new Date(now))}</span>
    </time>
  )
}

function Author({ silence }: { silence: SilenceRecord }) {
  return (
    <>
      <span className="block text-xs font-medium text-foreground">{silence.createdBy}</span>
      <span className="block max-w-96 text-xs whitespace-pre-line text-muted">{silence.comment}</span>
    </>
  )
}

const summaryOf = (silence: SilenceRecord) => silence.matchers.map(formatMatcher).join(', ')

/** Active and pending silences: what they match, when they end, who set them and why; admins may expire them. */
export function CurrentSilenceTable({
  silences,
  silencedCount,
  now,
  canWrite,
}: {
  silences: SilenceRecord[]
  /** Per silence id, the firing or pending alerts it matches now. */
  silencedCount: ReadonlyMap<string, number>
  now: number
  canWrite: boolean
}) {
  return (
    <Table aria-label="Active and pending silences">
      <thead>
        <tr>
          <Th>Matchers</Th>
          <Th>State</Th>
          <Th>Starts</Th>
          <Th>Ends</Th>
          <Th>Created by</Th>
          <Th className="text-right">Alerts silenced</Th>
          {canWrite && (
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          )}
        </tr>
      </thead>
      <tbody>
        {silences.map((silence) => {
          const state = silenceState(silence, now)
          const { tone, label } = STATE[state === 'pending' ? 'pending' : 'active']
          return (
            <tr key={silence.id} id={`silence-${silence.id}`} className="scroll-mt-20 target:bg-accent-soft">
              <Td>
                <MatcherChips matchers={silence.matchers} />
              </Td>
              <Td>
                <Badge tone={tone}>{label}</Badge>
              </Td>
              <Td>
                <Moment at={silence.startsAt} now={now} />
              </Td>
              <Td>
                <Moment at={silence.endsAt} now={now} />
                <span className="block text-xs text-muted">lasts {formatSilenceDuration(silence.startsAt, silence.endsAt)}</span>
              </Td>
              <Td>
                <Author silence={silence} />
              </Td>
              <Td className="text-right tabular-nums">{state === 'active' ? (silencedCount.get(silence.id) ?? 0) : '—'}</Td>
              {canWrite && (
                <Td>
                  <ExpireSilenceButton silenceId={silence.id} summary={summaryOf(silence)} />
                </Td>
              )}
            </tr>
          )
        })}
      </tbody>
    </Table>
  )
}

/** Silences that ended lately (by their end or expired by hand); admins may start a copy. */
export function ExpiredSilenceTable({ silences, now, canWrite }: { silences: SilenceRecord[]; now: number; canWrite: boolean }) {
  return (
    <Table aria-label="Recently expired silences">
      <thead>
        <tr>
          <Th>Matchers</Th>
          <Th>Ended</Th>
          <Th>Created by</Th>
          {canWrite && (
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          )}
        </tr>
      </thead>
      <tbody>
        {silences.map((silence) => (
          <tr key={silence.id} id={`silence-${silence.id}`} className="scroll-mt-20 target:bg-accent-soft">
            <Td>
              <MatcherChips matchers={silence.matchers} />
            </Td>
            <Td>
              <Moment at={silence.endsAt} now={now} />
            </Td>
            <Td>
              <Author silence={silence} />
            </Td>
            {canWrite && (
              <Td>
                <Link
                  href={newSilencePath({ matchers: silence.matchers, comment: silence.comment })}
                  className="text-xs whitespace-nowrap text-accent hover:underline"
                >
                  Recreate<span className="sr-only"> the silence {summaryOf(silence)}</span>
                </Link>
              </Td>
            )}
          </tr>
        ))}
      </tbody>
    </Table>
  )
}

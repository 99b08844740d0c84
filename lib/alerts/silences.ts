// Silences (DESIGN.md "silence"): label matchers with a start, an end, a comment and an author; an
// alert they match stays visible as silenced and sends nothing. Matchers as Alertmanager writes and
// means them (prometheus/alertmanager pkg/labels: parse.go ParseMatcher/ParseMatchers, matcher.go
// NewMatcher): name="value", name!="value", name=~"regex", name!~"regex", value quoted or not, alone or
// in a `{a="b", c=~"d"}` list; a regex must match the whole value, ^(?:re)$; a missing label is "".
import { z } from 'zod'
import { multiLineText, singleLineText } from '@/lib/text/plain-text'
import type { Labels } from './schemas'

export const MATCH_TYPES = ['=', '!=', '=~', '!~'] as const
export type MatchType = (typeof MATCH_TYPES)[number]
export type Matcher = { name: string; type: MatchType; value: string }

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string }

// parse.go's pattern; `=~` is tried before `=` so the `~` is not read as the value. RE2's \s is [\t\n\f\r ].
const MATCHER = /^[\t\n\f\r ]*([a-zA-Z_:][a-zA-Z0-9_:]*)[\t\n\f\r ]*(=~|=|!=|!~)[\t\n\f\r ]*([\s\S]*?)[\t\n\f\r ]*$/

/** One matcher, with parse.go's unescaping: \" → ", \\ → \, \n → line feed, any other \ kept as is. */
export function parseMatcher(text: string): ParseResult<Matcher> {
  const match = MATCHER.exec(text)
  if (!match)
    return { ok: false, message: `expected name="value", name!="value", name=~"regex" or name!~"regex", got ${text.trim() || 'nothing'}` }
  const [, name, type, raw] = match as unknown as [string, string, MatchType, string]
  const quoted = raw.startsWith('"')
  const body = quoted ? raw.slice(1) : raw
  let value = ''
  let closed = !quoted
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!
    if (char === '\\' && i < body.length - 1) {
      const next = body[++i]!
      value += next === 'n' ? '\n' : next === '"' || next === '\\' ? next : `\\${next}`
    } else if (char === '"') {
      if (!quoted || i < body.length - 1) return { ok: false, message: `${name}${type}${raw}: a " inside the value must be written \\"` }
      closed = true
    } else value += char
  }
  if (!closed) return { ok: false, message: `${name}${type}${raw}: the value has no closing "` }
  const matcher: Matcher = { name, type, value }
  if (type === '=~' || type === '!~') {
    const regex = compileMatcherRegex(value)
    if (regex instanceof Error) return { ok: false, message: `${formatMatcher(matcher)}: ${regex.message}` }
  }
  return { ok: true, value: matcher }
}

/** A comma-separated list, braces optional; commas inside quotes do not split (ParseMatchers). */
export function parseMatchers(text: string): ParseResult<Matcher[]> {
  const inner = text.trim().replace(/^\{/, '').replace(/\}$/, '')
  const tokens: string[] = []
  let token = ''
  let insideQuotes = false
  let escaped = false
  for (const char of inner) {
    if (char === ',' && !insideQuotes) {
      tokens.push(token)
      token = ''
      continue
    }
    if (char === '"') {
      if (!escaped) insideQuotes = !insideQuotes
      else escaped = false
    } else if (char === '\\') escaped = !escaped
    else if (char !== ',') escaped = false
    token += char
  }
  if (token.trim() !== '') tokens.push(token) // a trailing comma is allowed
  const matchers: Matcher[] = []
  for (const each of tokens) {
    const parsed = parseMatcher(each)
    if (!parsed.ok) return parsed
    matchers.push(parsed.value)
  }
  return matchers.length > 0 ? { ok: true, value: matchers } : { ok: false, message: 'no matchers' }
}

/** matcher.go's String(): the value quoted with OpenMetrics escapes, so parseMatcher(formatMatcher(m)) is m. */
export const formatMatcher = ({ name, type, value }: Matcher) =>
  `${name}${type}"${value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')}"`

const regexCache = new Map<string, RegExp | Error>()
const REGEX_CACHE_SIZE = 1_000

/**
 * `^(?:value)$` as a JavaScript RegExp, or why it is not one. Alertmanager uses Go's RE2; syntax only
 * JavaScript has (lookaround, backreferences) is refused so a silence means the same in both, and RE2's
 * leading inline flags (?i) and (?s) become RegExp flags (Node 20 has no inline modifiers).
 */
export function compileMatcherRegex(value: string): RegExp | Error {
  const cached = regexCache.get(value)
  if (cached) return cached
  const flags = /^\(\?([is]{1,2})\)/.exec(value)
  const pattern = flags ? value.slice(flags[0].length) : value
  const unsupported = syntaxOutsideRe2(pattern) ?? nestedRepetition(pattern)
  let compiled: RegExp | Error
  if (unsupported) compiled = new Error(`invalid regex: ${unsupported}`)
  else {
    try {
      compiled = new RegExp(`^(?:${pattern})$`, [...new Set(flags?.[1] ?? '')].join(''))
    } catch (error) {
      compiled = new Error(`invalid regex: ${(error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '')}`)
    }
  }
  if (regexCache.size >= REGEX_CACHE_SIZE) regexCache.clear()
  regexCache.set(value, compiled)
  return compiled
}

/** Group syntax that means something else, or nothing, in RE2; escapes and character classes are skipped. */
function syntaxOutsideRe2(pattern: string): string | null {
  let inClass = false
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]
    if (char === '\\') {
      if (!inClass && /[1-9k]/.test(pattern[i + 1] ?? '')) return 'backreferences are not supported (RE2)'
      i++
    } else if (inClass) inClass = char !== ']'
    else if (char === '[') inClass = true
    else if (char === '(' && pattern[i + 1] === '?') {
      const group = pattern.slice(i + 2)
      if (/^(?:=|!|<=|<!)/.test(group)) return 'lookahead and lookbehind are not supported (RE2)'
      if (/^P</.test(group)) return 'write a named group as (?<name>…)'
      if (/^[imsU-]+[):]/.test(group)) return 'inline flags are supported only as (?i) or (?s) at the start'
    }
  }
  return null
}

/**
 * A repeated group that itself repeats or alternates, `(a+)+` or `(a|a)*`: Go's RE2 matches it in linear
 * time, JavaScript's backtracking engine in exponential time on a near miss — one silence could hang every
 * /alerts render and the notification stage. Refused (the star-height test of safe-regex, plus alternation).
 */
function nestedRepetition(pattern: string): string | null {
  const groups: { repeats: boolean }[] = []
  let inClass = false
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!
    const next = pattern[i + 1] ?? ''
    if (char === '\\') {
      i++
      if (groups.length && /[*+?{]/.test(pattern[i + 1] ?? '')) groups.at(-1)!.repeats = true
    } else if (inClass) inClass = char !== ']'
    else if (char === '[') inClass = true
    else if (char === '(') groups.push({ repeats: false })
    else if (char === '|' && groups.length) groups.at(-1)!.repeats = true
    else if (char === ')') {
      const group = groups.pop()
      const quantified = next === '*' || next === '+' || (next === '{' && /^\{\d*,/.test(pattern.slice(i + 1)))
      if (group?.repeats && quantified)
        return 'a repeated group may not itself repeat or alternate, e.g. (a+)+ or (a|b)*: write it without nesting'
      if (group?.repeats && groups.length) groups.at(-1)!.repeats = true
    } else if ((char === '*' || char === '+' || char === '{') && groups.length) groups.at(-1)!.repeats = true
  }
  return null
}

export function matcherMatches(matcher: Matcher, labels: Labels): boolean {
  const value = labels[matcher.name] ?? ''
  switch (matcher.type) {
    case '=':
      return value === matcher.value
    case '!=':
      return value !== matcher.value
    default: {
      const regex = compileMatcherRegex(matcher.value)
      if (regex instanceof Error) return false // parseMatcher refused it; a stored one no longer compiling matches nothing
      return regex.test(value) === (matcher.type === '=~')
    }
  }
}

const MAX_MATCHERS = 20
const UNSTORABLE = /[\u0000\p{Cs}]/u
/** Alertmanager API v2's matcher object, written out to be read as typed ones are; isEqual came in v0.22 and defaults to true. */
const alertmanagerMatcher = z
  .object({ name: z.string(), value: z.string(), isRegex: z.boolean(), isEqual: z.boolean().default(true) })
  .transform(({ name, value, isRegex, isEqual }) =>
    formatMatcher({ name, value, type: isRegex ? (isEqual ? '=~' : '!~') : isEqual ? '=' : '!=' }),
  )

const matcherListInput = z
  .union([z.string(), z.array(z.union([z.string(), alertmanagerMatcher])).max(MAX_MATCHERS, `at most ${MAX_MATCHERS} matchers`)], {
    error: 'expected matchers: a list of name="value" texts or of Alertmanager matchers, or {name="value", …}',
  })
  .transform((input, context) => {
    const parsed = typeof input === 'string' ? [parseMatchers(input)] : input.map((text) => parseMatchers(text))
    const matchers: Matcher[] = []
    parsed.forEach((result, index) => {
      if (result.ok) matchers.push(...result.value)
      else context.addIssue({ code: 'custom', path: typeof input === 'string' ? [] : [index], message: result.message })
    })
    if (matchers.length === 0 && parsed.every((result) => result.ok))
      context.addIssue({ code: 'custom', message: 'add at least one matcher' })
    if (matchers.length > MAX_MATCHERS) context.addIssue({ code: 'custom', message: `at most ${MAX_MATCHERS} matchers` })
    // Postgres refuses NUL and lone surrogates in JSON text; no label value of ours holds either.
    if (matchers.some((matcher) => UNSTORABLE.test(matcher.value)))
      context.addIssue({ code: 'custom', message: 'no NUL characters or broken unicode in a value' })
    // Stricter than Alertmanager (silence.go validateSilence counts any != and !~ as not matching ""):
    // a silence of only `team!="db"` would also silence every alert without a team label.
    if (matchers.length > 0 && matchers.every((matcher) => matcherMatches(matcher, {})))
      context.addIssue({
        code: 'custom',
        message: 'at least one matcher must not match the empty string, or the silence matches alerts without that label',
      })
    return matchers
  })

/** ISO 8601 with four-digit years, as the database driver writes times: later ones cannot be stored. */
const LAST_INSTANT_MS = Date.parse('9999-12-31T23:59:59.999Z')

const instant = (what: string) => {
  const error = `expected ${what} as an ISO 8601 time with its offset`
  return z
    .union([z.iso.datetime({ offset: true, error }), z.date({ error })], { error })
    .transform((value) => (typeof value === 'string' ? Date.parse(value) : value.getTime()))
    .refine((ms) => ms <= LAST_INSTANT_MS, 'at most 9999-12-31T23:59:59Z')
}

const silenceFields = {
  matchers: matcherListInput,
  /** Epoch ms once parsed. */
  startsAt: instant('a start'),
  endsAt: instant('an end'),
  comment: multiLineText({ max: 1000, what: 'a comment (why this is silenced)' }),
  createdBy: singleLineText({ max: 200, what: 'who silences' }),
}

const endsAfterStart = (silence: { startsAt: number; endsAt: number }, context: z.RefinementCtx) => {
  if (silence.endsAt <= silence.startsAt) context.addIssue({ code: 'custom', path: ['endsAt'], message: 'the end must be after the start' })
}

export const silenceInput = z.object(silenceFields).superRefine(endsAfterStart)
export type SilenceInput = z.input<typeof silenceInput>
export type Silence = z.output<typeof silenceInput>
export type StoredSilence = Silence & { id: string }
/** A silence as listed: stored, with when it was created and last changed (epoch ms). */
export type SilenceRecord = StoredSilence & { createdAt: number; updatedAt: number }

/** A parsed silence as input again (matchers written out, times as Dates), for createSilence to check once more. */
export const toSilenceInput = ({ matchers, startsAt, endsAt, comment, createdBy }: Silence): SilenceInput => ({
  matchers: matchers.map(formatMatcher),
  startsAt: new Date(startsAt),
  endsAt: new Date(endsAt),
  comment,
  createdBy,
})

/** POST /api/v1/silences: `createdBy` may be left out, and then is the caller (a user's e-mail, a token's name). */
export const silenceBody = z.object({ ...silenceFields, createdBy: silenceFields.createdBy.optional() }).superRefine(endsAfterStart)

/**
 * Active from startsAt up to, not including, endsAt (Alertmanager's getState includes the end), so
 * expiring a silence "now" ends it now, and one ending at T and the next starting at T never overlap.
 */
export const isSilenceActive = (silence: Pick<Silence, 'startsAt' | 'endsAt'>, at: number) => silence.startsAt <= at && at < silence.endsAt

/** Alertmanager's three states: pending before the start, active up to the end, expired from it on. */
export const SILENCE_STATES = ['active', 'pending', 'expired'] as const
export type SilenceState = (typeof SILENCE_STATES)[number]

export const silenceState = (silence: Pick<Silence, 'startsAt' | 'endsAt'>, at: number): SilenceState =>
  at < silence.startsAt ? 'pending' : at < silence.endsAt ? 'active' : 'expired'

export const silenceMatches = (silence: Pick<Silence, 'matchers' | 'startsAt' | 'endsAt'>, labels: Labels, at: number) =>
  isSilenceActive(silence, at) && silence.matchers.every((matcher) => matcherMatches(matcher, labels))

/** The ids of the active silences matching `labels`; empty when the alert is not silenced. */
export const isSilenced = (
  labels: Labels,
  silences: readonly Pick<StoredSilence, 'id' | 'matchers' | 'startsAt' | 'endsAt'>[],
  at: number,
) => silences.filter((silence) => silenceMatches(silence, labels, at)).map((silence) => silence.id)

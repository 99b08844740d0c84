// Optimistic concurrency over HTTP (RFC 9110 §13.1.1): the ETag of a versioned record is its version in
// quotes ("3"), and a write sent with If-Match (or the version in its body) applies to that version only.
import { InvalidInputError } from '@/lib/errors'

/** The ETag of a record at `version`. */
export const versionEtag = (version: number): string => `"${version}"`

/**
 * The version a write expects, from its If-Match header and the `version` in its body (either, both when
 * they agree, or neither: undefined, any version). `*` asks for any version; a bare `3` is read as `"3"`
 * (what a script writes by hand). Anything else is a 400 naming the header.
 */
export function expectedVersion(ifMatch: string | null, bodyVersion: number | undefined): number | undefined {
  const value = ifMatch?.trim()
  let fromHeader: number | undefined
  if (value && value !== '*') {
    const match = /^(?:"([1-9]\d{0,8})"|([1-9]\d{0,8}))$/.exec(value)
    if (!match) throw new InvalidInputError([{ path: 'if-match', message: 'expected the ETag a GET answered with, such as "3"' }])
    fromHeader = Number(match[1] ?? match[2])
  }
  if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion)
    throw new InvalidInputError([{ path: 'version', message: `the body says version ${bodyVersion}, If-Match says ${fromHeader}` }])
  return fromHeader ?? bodyVersion
}

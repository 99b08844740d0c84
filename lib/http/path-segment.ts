// Dynamic route segments reach page components percent-encoded ("GET%20%2Ftransactions") while
// route handlers get them decoded (vercel/next.js#64952). Both end here: a segment is usable only as
// well-formed text without control characters; anything else is answered 400 (handlers) or 404 (pages).
import { isPlainText } from '@/lib/text/plain-text'

/** A page's raw segment decoded, or null when it is not valid percent-encoded UTF-8 text. */
export function decodePathSegment(raw: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(raw)
  } catch {
    return null // a bare "%", "%zz", bytes that are not UTF-8 ("%FF", "%C0%AE", "%ED%A0%80")
  }
  return isPlainText(decoded) ? decoded : null
}

/** A handler's decoded params: the names of those that are not usable text. */
export function unusablePathParams(params: Record<string, string | string[] | undefined>): string[] {
  return Object.entries(params)
    .filter(([, value]) => (Array.isArray(value) ? value : [value ?? '']).some((segment) => !isPlainText(segment)))
    .map(([name]) => name)
}

// Dynamic route segments reach page components percent-encoded ("GET%20%2Ftransactions") while
// route handlers get them decoded (vercel/next.js#64952): pages decode them here, once.

/** The segment decoded; as it came when it is not valid percent-encoding (a bare "%"). */
export function decodePathSegment(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

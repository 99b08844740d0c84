// Where to send someone after signing in: a path on this site, or '/'. Pure; browser-safe (the login
// form calls it too). Browsers are generous about what counts as a URL: "//evil", "/\evil", "/\t/evil",
// "/.//evil" after dot-segment removal, "%2F%2Fevil" once decoded, "javascript:". Only a path that
// resolves to this origin, and would still do so after being decoded once more, is accepted.

const ORIGIN = 'https://spanlens.invalid'

function resolvesHere(candidate: string): URL | null {
  try {
    const url = new URL(candidate, `${ORIGIN}/`)
    return url.origin === ORIGIN ? url : null
  } catch {
    return null
  }
}

/** A same-site path (with its query and fragment) for `candidate`, or `fallback`. */
export function safeLocalPath(candidate: unknown, fallback = '/'): string {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > 2048) return fallback
  // Only absolute paths: no scheme, no host, no protocol-relative or backslash tricks, no control characters.
  if (!candidate.startsWith('/') || /[\\\p{Cc}]/u.test(candidate)) return fallback
  const url = resolvesHere(candidate)
  if (!url) return fallback
  const local = `${url.pathname}${url.search}${url.hash}`
  // After dot-segment removal the path itself must not start a network path ("/.//evil" → "//evil").
  if (local.startsWith('//')) return fallback
  // Something downstream may decode once more: "/%2F%2Fevil" must not become "//evil" then.
  let decoded: string
  try {
    decoded = decodeURIComponent(local)
  } catch {
    return fallback
  }
  if (decoded.startsWith('//') || /[\\\p{Cc}]/u.test(decoded) || !resolvesHere(decoded)) return fallback
  return local
}

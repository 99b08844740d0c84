// Next answers a bare 500, before any handler runs, when a dynamic path segment is not valid
// percent-encoded UTF-8 ("%zz", "%FF%FE", "%ED%A0%80", "%C0%AE", a lone "%"), and a rewrite does
// not help (it decodes the original path). So proxy.ts answers such requests itself: API routes with
// a 400 naming the parameter, found by matching the path against the app's dynamic route patterns
// (read from Next's own routes manifest), pages with a 404. Pure.

/** Indexes (in `pathname.split('/')`) of the segments that do not decode. */
export function undecodableSegments(pathname: string): number[] {
  return pathname.split('/').flatMap((segment, index) => {
    try {
      decodeURIComponent(segment)
      return []
    } catch {
      return [index]
    }
  })
}

/**
 * The name of the parameter at segment `index` of `pathname`, from the first route pattern
 * (`/api/v1/services/[service]/latency`, `/api/auth/[...nextauth]`) whose literal segments match.
 */
export function parameterNameAt(patterns: readonly string[], pathname: string, index: number): string | null {
  const segments = pathname.split('/')
  for (const pattern of patterns) {
    const parts = pattern.split('/')
    const catchAll = parts.findIndex((part) => /^\[\[?\.\.\./.test(part))
    if (catchAll === -1 ? parts.length !== segments.length : segments.length < catchAll + 1) continue
    const literalsMatch = parts.every((part, at) => part.startsWith('[') || (catchAll !== -1 && at > catchAll) || part === segments[at])
    if (!literalsMatch) continue
    const part = parts[catchAll !== -1 && index >= catchAll ? catchAll : index]
    if (part?.startsWith('[')) return part.replace(/^\[+(\.\.\.)?|\]+$/g, '')
  }
  return null
}

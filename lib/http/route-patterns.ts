// The app's dynamic route patterns (`/api/v1/users/[id]`), as Next's build wrote them in its routes
// manifest: the one list of routes that cannot fall behind the code. Read once per process.
import fs from 'node:fs'
import path from 'node:path'

let patterns: readonly string[] | undefined

export function dynamicRoutePatterns(): readonly string[] {
  if (!patterns) {
    const candidates = [
      path.join(process.cwd(), '.next', 'routes-manifest.json'),
      path.join(process.cwd(), '.next', 'dev', 'routes-manifest.json'),
    ]
    const manifest = candidates.find((file) => fs.existsSync(file))
    const parsed = manifest ? (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { dynamicRoutes?: { page?: unknown }[] }) : {}
    patterns = (parsed.dynamicRoutes ?? []).map((route) => route.page).filter((page): page is string => typeof page === 'string')
  }
  return patterns
}

// The app's routes as Next's build wrote them in its routes manifest: the one list of routes that cannot
// fall behind the code. Read once per process.
import fs from 'node:fs'
import path from 'node:path'

type ManifestRoute = { page?: unknown; regex?: unknown }
let manifest: { dynamic: ManifestRoute[]; static: ManifestRoute[] } | null | undefined

function readManifest() {
  if (manifest === undefined) {
    const candidates = [
      path.join(process.cwd(), '.next', 'routes-manifest.json'),
      path.join(process.cwd(), '.next', 'dev', 'routes-manifest.json'),
    ]
    const file = candidates.find((candidate) => fs.existsSync(candidate))
    const parsed = file
      ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { dynamicRoutes?: ManifestRoute[]; staticRoutes?: ManifestRoute[] })
      : null
    manifest = parsed ? { dynamic: parsed.dynamicRoutes ?? [], static: parsed.staticRoutes ?? [] } : null
  }
  return manifest
}

/** The dynamic route patterns (`/api/v1/users/[id]`). */
export function dynamicRoutePatterns(): readonly string[] {
  return (readManifest()?.dynamic ?? []).map((route) => route.page).filter((page): page is string => typeof page === 'string')
}

let apiRoutes: RegExp[] | null | undefined

/**
 * Whether an /api path names one of our route handlers once its dot segments (`.`, `..`, `%2e%2e`) are
 * resolved as Next resolves them. A path naming none is answered 404 before Next, which would render its
 * not-found page for it and fail a multipart POST with a 500. Without a manifest, every path does.
 */
export function apiRouteExists(pathname: string): boolean {
  if (apiRoutes === undefined) {
    const routes = readManifest()
    apiRoutes = routes
      ? [...routes.static, ...routes.dynamic]
          .filter((route) => typeof route.page === 'string' && route.page.startsWith('/api/') && typeof route.regex === 'string')
          .map((route) => new RegExp(route.regex as string))
      : null
  }
  if (apiRoutes === null) return true
  const resolved = new URL(pathname.replace(/%2e/gi, '.'), 'http://spanlens.invalid').pathname
  return apiRoutes.some((route) => route.test(resolved))
}

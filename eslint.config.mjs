// Lint, and the architecture's import direction (STYLE.md): app → components → lib/<domain> → lib/db,
// never back; pure lib modules import no React, Next, Prisma or lib/db; demo/ is never imported by
// the product. Enforced here per folder, not by review.
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'

const DB = {
  group: ['@/lib/db/*', '**/lib/db/*', '@prisma/*', '**/generated/*'],
  message: 'Only lib/db and repository.ts files touch the database.',
}
const REACT_NEXT = {
  group: ['react', 'react-dom', 'react/*', 'next', 'next/*', 'next-auth', 'next-auth/*', '@tanstack/*', 'recharts'],
  message: 'Pure lib modules import no React or Next: move UI or request code to app/ or components/.',
}
const UPWARD = {
  group: ['@/app/*', '@/components/*', '**/app/*', '**/components/*'],
  message: 'lib/ never imports app/ or components/ (imports flow app → components → lib).',
}
const DEMO = { group: ['@/demo/*', '**/demo/*'], message: 'The demo Jaeger is a stand-in: the product never imports it.' }
const REPOSITORIES = {
  group: ['@/lib/*/repository', '@/lib/db/*', '**/lib/db/*'],
  message: 'Components receive data as props; pages and actions call repositories.',
}

const restrict = (...patterns) => ['error', { patterns }]

// lib/ flows one way. Each unit (a folder, or a file at lib/'s top) may import only units listed
// before it: shared pieces first, then the pipeline's stages in their order, then the domains that
// read what the stages wrote; the worker, which orders the stages, and the request edge last. A cycle
// between folders cannot be written down here, so none can exist. (DESIGN.md, "Shape"; STYLE.md.)
export const LIB_ORDER = [
  'errors',
  'cn',
  'text',
  'url',
  'time',
  'retry',
  'format',
  'time-range',
  'env',
  'logger',
  'db',
  'traces',
  'metrics',
  'jaeger',
  'sync',
  'health',
  'audit',
  'auth',
  'users',
  'inventory',
  'targets',
  'latency',
  'overhead',
  'incidents',
  'rollout',
  'scorecard',
  'canary',
  'alerts',
  'slo',
  'notifications',
  'worker',
  'http',
]
const unitPath = (unit) => (['errors', 'cn', 'env', 'logger'].includes(unit) ? `./lib/${unit}.ts` : `./lib/${unit}`)
const LAYER_ZONES = LIB_ORDER.map((unit, index) => ({
  target: unitPath(unit),
  from: LIB_ORDER.slice(index + 1).map(unitPath),
  message: `lib/ flows one way (LIB_ORDER in eslint.config.mjs): ${unit} comes before this, so it may not import it. Move the shared piece down, or let the worker (lib/worker) call both.`,
}))

const config = [
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'lib/db/generated/**',
      '.data/**',
      '.local/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  // lib/: pure by default.
  {
    files: ['lib/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(DB, REACT_NEXT, UPWARD, DEMO) },
  },
  // Repositories, the db folder and the sync worker's Postgres edge (STYLE.md: commit-window, leases).
  {
    files: [
      'lib/db/**/*.ts',
      'lib/**/repository.ts',
      'lib/**/*-repository.ts',
      'lib/sync/commit-window.ts',
      'lib/sync/leases.ts',
      'lib/worker/**/*.ts',
    ],
    rules: { 'no-restricted-imports': restrict(REACT_NEXT, UPWARD, DEMO) },
  },
  // The request edge of lib: next-auth config, session helpers, the route-handler wrapper, query options.
  {
    files: ['lib/auth/session.ts', 'lib/auth/config.ts', 'lib/http/**/*.ts', 'lib/**/query-options.ts'],
    rules: { 'no-restricted-imports': restrict(DB, UPWARD, DEMO) },
  },
  // components/: no data access, no routes; ui/ primitives know no domain.
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(REPOSITORIES, DEMO, { group: ['@/app/*', '**/app/*'], message: 'components/ never import app/.' }),
    },
  },
  {
    files: ['components/ui/**/*.tsx'],
    rules: {
      'no-restricted-imports': restrict(REPOSITORIES, DEMO, {
        group: ['@/lib/*/*', '!@/lib/cn'],
        message: 'ui/ primitives know no domain: pass domain data in from components/<domain>.',
      }),
    },
  },
  // Tests, their builders and benches may reach anything they exercise (a scratch database, the demo Jaeger as a real peer).
  {
    files: ['**/*.test.ts', '**/*.bench.ts', 'lib/**/testing/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(UPWARD) },
  },
  // The one-way order of lib/, no module cycles, and nothing from the dev tooling, the demo or test
  // builders (lib/**/testing/) in the product. Tests are leaves: they may import what they exercise.
  {
    files: ['lib/**/*.ts'],
    ignores: ['**/*.test.ts', 'lib/**/testing/**', 'lib/db/generated/**'],
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            ...LAYER_ZONES,
            {
              target: './lib',
              from: ['./scripts', './demo', './e2e', './prisma'],
              message: 'lib/ is the product: it never imports the dev tooling (scripts/), the demo Jaeger (demo/), tests or seeds.',
            },
            {
              target: './lib',
              from: './lib/**/testing/**/*',
              message: 'lib/<domain>/testing/ holds test builders: only tests import them.',
            },
          ],
        },
      ],
      'import/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'proxy.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: '.', from: './lib/**/testing/**/*', message: 'lib/<domain>/testing/ holds test builders: only tests import them.' },
          ],
        },
      ],
    },
  },
  // app/: compose repositories and components; never the Prisma client itself.
  {
    files: ['app/**/*.{ts,tsx}', 'proxy.ts'],
    rules: {
      'no-restricted-imports': restrict(
        { group: ['@/lib/db/*', '@prisma/*'], message: 'Pages and handlers call repository functions, not the Prisma client.' },
        DEMO,
      ),
    },
  },
]

export default config

// The architecture's import rules (eslint.config.mjs) fire where they should, and only there.
import { spawnSync } from 'node:child_process'
import { ESLint } from 'eslint'
import { describe, expect, test } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

const IMPORT_RULES = ['no-restricted-imports', 'import/no-restricted-paths', 'import/no-cycle']

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => IMPORT_RULES.includes(m.ruleId ?? '')).map((m) => m.message)
}

describe('import direction', () => {
  test.each([
    [
      'a pure lib module may not touch the database',
      'lib/targets/format-goal.ts',
      "import { db } from '@/lib/db/client'\nexport const x = db\n",
      /database/,
    ],
    [
      'a pure lib module may not import React',
      'lib/metrics/histogram.ts',
      "import { useState } from 'react'\nexport const x = useState\n",
      /React or Next/,
    ],
    [
      'lib may not import components',
      'lib/targets/descriptions.ts',
      "import { Badge } from '@/components/ui/badge'\nexport const x = Badge\n",
      /lib\/ never imports/,
    ],
    [
      'a page may not use the Prisma client',
      'app/(dashboard)/page.tsx',
      "import { db } from '@/lib/db/client'\nexport const x = db\n",
      /repository/,
    ],
    [
      'a component may not call a repository',
      'components/rollout/board.tsx',
      "import { listInventory } from '@/lib/inventory/repository'\nexport const x = listInventory\n",
      /props/,
    ],
    [
      'ui primitives know no domain',
      'components/ui/card.tsx',
      "import { formatGoal } from '@/lib/targets/format-goal'\nexport const x = formatGoal\n",
      /no domain/,
    ],
    [
      'the product never imports the demo Jaeger',
      'lib/jaeger/client.ts',
      "import { startDemoJaeger } from '@/demo/start'\nexport const x = startDemoJaeger\n",
      /demo Jaeger/,
    ],
    [
      'lib never imports the demo, even by a relative path',
      'lib/sync/sync-tick.ts',
      "import { buildCatalog } from '../../demo/catalog'\nexport const x = buildCatalog\n",
      /never imports the dev tooling/,
    ],
    [
      'lib never imports the dev tooling',
      'lib/metrics/rollup.ts',
      "import { median } from '../../scripts/bench/timing'\nexport const x = median\n",
      /never imports the dev tooling/,
    ],
    [
      'an earlier stage never imports a later one (sync → latency)',
      'lib/sync/sync-loop.ts',
      "import { judgeAndSaveLatencyHealth } from '@/lib/latency/health-repository'\nexport const x = judgeAndSaveLatencyHealth\n",
      /flows one way/,
    ],
    [
      'a shared piece never imports a domain (time → metrics)',
      'lib/time/micros.ts',
      "import { histogramOf } from '@/lib/metrics/histogram'\nexport const x = histogramOf\n",
      /flows one way/,
    ],
    [
      'a folder cycle is refused at its back edge (traces → jaeger, while jaeger → traces)',
      'lib/traces/quality.ts',
      "import { normalizeV3 } from '@/lib/jaeger/normalize-v3'\nexport const x = normalizeV3\n",
      /flows one way/,
    ],
    [
      'the product never imports test builders',
      'lib/latency/repository.ts',
      "import { testSpan } from '@/lib/traces/testing/spans'\nexport const x = testSpan\n",
      /test builders/,
    ],
    [
      'nor do pages',
      'app/(dashboard)/page.tsx',
      "import { testSpan } from '@/lib/traces/testing/spans'\nexport const x = testSpan\n",
      /test builders/,
    ],
  ])('%s', async (_label, filePath, code, message) => {
    const messages = await restrictedImports(filePath, code)
    expect(messages.join('\n')).toMatch(message)
  })

  test('a module cycle inside a folder is refused (bucket-mapping → rollup → histogram → bucket-mapping)', () => {
    // In a process of its own: import/no-cycle caches, per process, what each module imports, and other
    // cases here lint histogram.ts with other contents. The stdin file must import nothing on disk:
    // import/no-cycle takes its strongly connected components from the file on disk, not from stdin.
    const lint = spawnSync(
      process.execPath,
      ['node_modules/eslint/bin/eslint.js', '--format', 'json', '--stdin', '--stdin-filename', 'lib/metrics/bucket-mapping.ts'],
      {
        input: "import { computeWindowRollups } from './rollup'\nexport const x = computeWindowRollups\n",
        encoding: 'utf8',
      },
    )
    const [result] = JSON.parse(lint.stdout) as { messages: { ruleId: string | null }[] }[]
    expect(result?.messages.map((m) => m.ruleId)).toContain('import/no-cycle')
  })

  test.each([
    ['a repository uses the database', 'lib/targets/repository.ts', "import { db } from '@/lib/db/client'\nexport const x = db\n"],
    [
      'the session helper uses next-auth',
      'lib/auth/session.ts',
      "import { getServerSession } from 'next-auth'\nexport const x = getServerSession\n",
    ],
    [
      'a page calls a repository',
      'app/(dashboard)/page.tsx',
      "import { listTargets } from '@/lib/targets/repository'\nexport const x = listTargets\n",
    ],
    ['ui primitives may use cn', 'components/ui/card.tsx', "import { cn } from '@/lib/cn'\nexport const x = cn\n"],
    [
      'a later stage reads an earlier one (latency → sync)',
      'lib/latency/judge-latency.ts',
      "import { currentWatermark } from '@/lib/sync/sync-progress'\nexport const x = currentWatermark\n",
    ],
    [
      'the worker orders the stages (worker → latency)',
      'lib/worker/stages.ts',
      "import { judgeAndSaveLatencyHealth } from '@/lib/latency/health-repository'\nexport const x = judgeAndSaveLatencyHealth\n",
    ],
    [
      'a test uses the demo Jaeger as a real peer, and test builders',
      'lib/traces/quality.test.ts',
      "import { startDemoJaeger } from '../../demo/start-demo-jaeger'\nimport { testSpan } from './testing/spans'\nexport const x = [startDemoJaeger, testSpan]\n",
    ],
  ])('allowed: %s', async (_label, filePath, code) => {
    expect(await restrictedImports(filePath, code)).toEqual([])
  })
})

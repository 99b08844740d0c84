// The architecture's import rules (eslint.config.mjs) fire where they should, and only there.
import { ESLint } from 'eslint'
import { describe, expect, test } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('import direction', () => {
  test.each([
    ['a pure lib module may not touch the database', 'lib/targets/burn.ts', "import { db } from '@/lib/db/client'\nexport const x = db\n", /database/],
    ['a pure lib module may not import React', 'lib/metrics/histogram.ts', "import { useState } from 'react'\nexport const x = useState\n", /React or Next/],
    ['lib may not import components', 'lib/targets/format.ts', "import { Badge } from '@/components/ui/badge'\nexport const x = Badge\n", /lib\/ never imports/],
    ['a page may not use the Prisma client', 'app/(dashboard)/page.tsx', "import { db } from '@/lib/db/client'\nexport const x = db\n", /repository/],
    ['a component may not call a repository', 'components/rollout/board.tsx', "import { listInventory } from '@/lib/inventory/repository'\nexport const x = listInventory\n", /props/],
    ['ui primitives know no domain', 'components/ui/card.tsx', "import { formatGoal } from '@/lib/targets/format-goal'\nexport const x = formatGoal\n", /no domain/],
    ['the product never imports the demo Jaeger', 'lib/jaeger/client.ts', "import { startDemoJaeger } from '@/demo/start'\nexport const x = startDemoJaeger\n", /demo Jaeger/],
  ])('%s', async (_label, filePath, code, message) => {
    const messages = await restrictedImports(filePath, code)
    expect(messages.join('\n')).toMatch(message)
  })

  test.each([
    ['a repository uses the database', 'lib/targets/repository.ts', "import { db } from '@/lib/db/client'\nexport const x = db\n"],
    ['the session helper uses next-auth', 'lib/auth/session.ts', "import { getServerSession } from 'next-auth'\nexport const x = getServerSession\n"],
    ['a page calls a repository', 'app/(dashboard)/page.tsx', "import { listTargets } from '@/lib/targets/repository'\nexport const x = listTargets\n"],
    ['ui primitives may use cn', 'components/ui/card.tsx', "import { cn } from '@/lib/cn'\nexport const x = cn\n"],
  ])('allowed: %s', async (_label, filePath, code) => {
    expect(await restrictedImports(filePath, code)).toEqual([])
  })
})

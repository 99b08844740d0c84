// `npm test`: everything, on a fresh machine. Lint and types; unit, contract and DB tests (vitest)
// against a real Postgres (embedded unless DATABASE_URL names a server we may create databases on);
// a production build; Playwright in Debian's Chromium against the built app, the worker and the
// demo Jaeger. Ends with `N passed, N failed`; the exit code is honest.
//   npm test                 all of it
//   npm test -- --only unit  lint, types and vitest      npm test -- --only e2e  build and browser tests
//   npm test -- --only e2e e2e/admin-users.spec.ts       some browser specs only (any *.spec.ts named)
import fs from 'node:fs'
import path from 'node:path'
import { startE2eStack } from './stack/e2e-stack'
import { ensureChromium } from './stack/chromium'
import { recreateDatabase, startTestPostgres } from './stack/test-postgres'
import { buildAppIfStale } from './stack/app-build'
import { migrateDeploy } from './stack/database'
import { runCommand, stopAll } from './stack/processes'

type StepResult = { step: string; passed: number; failed: number; skipped: number; seconds: number; note?: string }
const results: StepResult[] = []
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined
const wants = (part: 'unit' | 'e2e') => !only || only === part
const specs = process.argv.filter((arg) => arg.endsWith('.spec.ts'))
const REPORTS = path.resolve('test-results')

async function step(name: string, run: () => Promise<Omit<StepResult, 'step' | 'seconds'>>): Promise<boolean> {
  console.log(`\n━━ ${name}`)
  const started = performance.now()
  let result: Omit<StepResult, 'step' | 'seconds'>
  try {
    result = await run()
  } catch (error) {
    result = { passed: 0, failed: 1, skipped: 0, note: error instanceof Error ? error.message : String(error) }
  }
  results.push({ step: name, ...result, seconds: (performance.now() - started) / 1000 })
  if (result.note) console.log(`   ${result.failed ? '✗' : '•'} ${result.note}`)
  return result.failed === 0
}

const check = async (name: string, command: string, args: string[]) =>
  step(name, async () =>
    (await runCommand(name, command, args)) === 0
      ? { passed: 1, failed: 0, skipped: 0 }
      : { passed: 0, failed: 1, skipped: 0, note: `${name} failed` },
  )

function readJson<T>(file: string): T | null {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T) : null
}

async function main() {
  fs.rmSync(REPORTS, { recursive: true, force: true })
  fs.mkdirSync(REPORTS, { recursive: true })
  const node = process.execPath
  const bin = (pkg: string) => path.resolve('node_modules', pkg)

  const server = await startTestPostgres(process.env.DATABASE_URL)
  console.log(`Postgres for tests: ${server.description}`)

  if (wants('unit')) {
    await check('lint', node, [bin('eslint/bin/eslint.js'), '--max-warnings', '0', '.'])
    await check('format', node, [bin('prettier/bin/prettier.cjs'), '--check', '--log-level', 'warn', '.'])
    await check('typecheck', node, [bin('typescript/bin/tsc'), '--noEmit'])
    await step('vitest (unit, contract, DB)', async () => {
      const template = await recreateDatabase(server.url, 'spanlens_test')
      await migrateDeploy(template, true)
      const report = path.join(REPORTS, 'vitest.json')
      const code = await runCommand(
        'vitest',
        node,
        [bin('vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
        {
          env: { ...process.env, DATABASE_URL: template, NODE_ENV: 'test' },
        },
      )
      const json = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(report)
      if (!json) return { passed: 0, failed: 1, skipped: 0, note: `vitest exited ${code} without a report` }
      const failed = json.numFailedTests + (code !== 0 && json.numFailedTests === 0 ? 1 : 0)
      return {
        passed: json.numPassedTests,
        failed,
        skipped: json.numPendingTests + json.numTodoTests,
        note: failed && !json.numFailedTests ? `vitest exited ${code}` : undefined,
      }
    })
  }

  if (wants('e2e')) {
    const built = await step('next build', async () => {
      await buildAppIfStale()
      return { passed: 1, failed: 0, skipped: 0 }
    })
    const browser = await step('chromium', async () => {
      const note = await ensureChromium()
      return { passed: 1, failed: 0, skipped: 0, note }
    })
    if (built && browser) {
      await step('playwright (browser)', async () => {
        const databaseUrl = await recreateDatabase(server.url, 'spanlens_e2e')
        const stack = await startE2eStack({ databaseUrl })
        const report = path.join(REPORTS, 'playwright.json')
        const code = await runCommand('playwright', node, [bin('@playwright/test/cli.js'), 'test', ...specs], {
          // Browsers read response headers up to 256 KB; Node's client stops at 16 KB. A redirect whose Location echoes a
          // long fuzzed query (Next's trailing-slash redirect) must not fail the client before the app's answer is judged.
          env: {
            ...process.env,
            ...stack.env,
            PLAYWRIGHT_JSON_OUTPUT_NAME: report,
            NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-http-header-size=262144`.trim(),
          },
        })
        await stack.stop()
        const json = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(report)
        if (!json) return { passed: 0, failed: 1, skipped: 0, note: `playwright exited ${code} without a report` }
        const { expected, unexpected, flaky, skipped } = json.stats
        return {
          passed: expected + flaky,
          failed: unexpected + (code !== 0 && !unexpected ? 1 : 0),
          skipped,
          note: flaky ? `${flaky} flaky (passed on retry)` : undefined,
        }
      })
    }
  }

  await stopAll()
  await server.stop()

  console.log('\n━━ summary')
  for (const r of results) {
    const mark = r.failed ? '✗' : '✓'
    console.log(
      `${mark} ${r.step.padEnd(30)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed${r.skipped ? ` ${r.skipped} skipped` : ''}  (${r.seconds.toFixed(1)} s)`,
    )
  }
  const passed = results.reduce((sum, r) => sum + r.passed, 0)
  const failed = results.reduce((sum, r) => sum + r.failed, 0)
  console.log(`${passed} passed, ${failed} failed`)
  process.exit(failed ? 1 : 0)
}

main().catch(async (error: unknown) => {
  console.error(error)
  await stopAll()
  console.log('0 passed, 1 failed')
  process.exit(1)
})

// An operator's mistake in the environment stops the app at start, naming the variable.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { expect, test } from '@playwright/test'

const NEXT_CLI = path.resolve('node_modules/next/dist/bin/next')

const CASES: [variable: string, overrides: Record<string, string>, message: string][] = [
  ['JAEGER_URL', { JAEGER_URL: 'jaeger:16686' }, 'JAEGER_URL: must be an http(s) URL'],
  ['NEXTAUTH_SECRET', { NEXTAUTH_SECRET: 'short' }, 'NEXTAUTH_SECRET: must be at least 32 characters'],
  ['DATABASE_URL', { DATABASE_URL: 'mysql://db/spanlens' }, 'DATABASE_URL: must be a postgres:// or postgresql:// URL'],
]

for (const [variable, overrides, message] of CASES)
  test(`a bad ${variable}: next start exits 78 and says which variable`, async () => {
    const child = spawn(process.execPath, [NEXT_CLI, 'start', '--port', '3198', '--hostname', '127.0.0.1'], {
      env: { ...process.env, NEXTAUTH_SECRET: 'x'.repeat(40), ...overrides },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    expect(code).toBe(78)
    expect(output).toContain(message)
  })

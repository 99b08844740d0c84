// Builds the Next.js app for `next start` when its sources changed since the last build.
import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { runCommand } from './processes'

const require = createRequire(import.meta.url)
export const NEXT_CLI = require.resolve('next/dist/bin/next')

const SOURCES = [
  'app',
  'components',
  'lib',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.mjs',
  'postcss.config.mjs',
  'tsconfig.json',
  'package-lock.json',
]
const FINGERPRINT_FILE = path.join('.next', 'spanlens-sources.sha1')

function* files(entry: string): Generator<string> {
  if (!fs.existsSync(entry)) return
  if (!fs.statSync(entry).isDirectory()) {
    yield entry
    return
  }
  for (const child of fs.readdirSync(entry).sort()) {
    if (child === 'node_modules' || child.endsWith('.test.ts')) continue
    yield* files(path.join(entry, child))
  }
}

export function sourceFingerprint(): string {
  const hash = crypto.createHash('sha1')
  for (const root of SOURCES) for (const file of files(root)) hash.update(`${file}\0`).update(fs.readFileSync(file))
  return hash.digest('hex')
}

/** Returns true when it built. */
export async function buildAppIfStale({ force = false, quiet = false } = {}): Promise<boolean> {
  const fingerprint = sourceFingerprint()
  const built =
    fs.existsSync(path.join('.next', 'BUILD_ID')) &&
    fs.existsSync(FINGERPRINT_FILE) &&
    fs.readFileSync(FINGERPRINT_FILE, 'utf8') === fingerprint
  if (built && !force) return false
  const code = await runCommand('build', process.execPath, [NEXT_CLI, 'build'], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    quiet,
  })
  if (code !== 0) throw new Error(`next build failed (exit ${code})`)
  fs.writeFileSync(FINGERPRINT_FILE, fingerprint)
  return true
}

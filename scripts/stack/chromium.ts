// Browser tests use Debian's Chromium, never a downloaded one (`npx playwright install` cannot
// reach its CDN here). Installs it with apt-get when missing and possible; otherwise says what to do.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { runCommand } from './processes'

export const CHROMIUM = '/usr/bin/chromium'

const canRun = (command: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** Resolves with a note about what it did; rejects with installation advice. */
export async function ensureChromium(): Promise<string> {
  if (fs.existsSync(CHROMIUM)) return `using ${CHROMIUM}`
  const advice = `Browser tests need Debian's Chromium at ${CHROMIUM}: run \`sudo apt-get install -y --no-install-recommends chromium\` and re-run npm test.`
  const isRoot = process.getuid?.() === 0
  if (!canRun('apt-get') || !(isRoot || canRun('sudo'))) throw new Error(advice)
  const sudo = isRoot ? [] : ['sudo', '-n']
  console.log('   installing chromium with apt-get (about 20 s)…')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const [command, ...prefix] = [...sudo, 'apt-get']
  if ((await runCommand('apt', command!, [...prefix, 'update', '-qq'], { env, quiet: true })) !== 0)
    throw new Error(`apt-get update failed. ${advice}`)
  if (
    (await runCommand('apt', command!, [...prefix, 'install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
      env,
      quiet: true,
    })) !== 0
  ) {
    throw new Error(`apt-get install chromium failed. ${advice}`)
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(advice)
  return `installed ${CHROMIUM} with apt-get`
}

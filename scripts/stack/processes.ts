// Child processes of the launcher and test runner: prefixed output, and all stopped together.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import readline from 'node:readline'

export type Managed = {
  name: string
  child: ChildProcess
  exited: Promise<number | null>
  /** the last lines, kept when quiet */ tail: string[]
}
const running = new Set<Managed>()

const COLOURS: Record<string, string> = { app: '36', worker: '35', jaeger: '33', receiver: '32', build: '34' }
const tag = (name: string) => (process.stdout.isTTY ? `\x1b[${COLOURS[name] ?? '90'}m[${name}]\x1b[0m` : `[${name}]`)

const TAIL_LINES = 200

/**
 * Starts a child whose stdout/stderr lines are printed with `[name] ` in front (or, if `quiet`, kept in
 * `tail`). `extraEnv` is added to this process's environment (`env` replaces it).
 */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  { extraEnv, ...options }: SpawnOptions & { quiet?: boolean; extraEnv?: Record<string, string> } = {},
): Managed {
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
    ...(extraEnv ? { env: { ...(options.env ?? process.env), ...extraEnv } } : {}),
  })
  const tail: string[] = []
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue
    const lines = readline.createInterface({ input: stream })
    lines.on('line', (line) => {
      if (!options.quiet) console.log(`${tag(name)} ${line}`)
      else if (tail.push(line) > TAIL_LINES) tail.shift()
    })
  }
  const managed: Managed = { name, child, tail, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) }
  running.add(managed)
  void managed.exited.then(() => running.delete(managed))
  return managed
}

/** Runs a command to completion, output prefixed; a quiet one prints its output only if it fails. */
export async function runCommand(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions & { quiet?: boolean } = {},
): Promise<number> {
  const managed = startProcess(name, command, args, options)
  const code = (await managed.exited) ?? 1
  if (code !== 0 && options.quiet) for (const line of managed.tail) console.error(`${tag(name)} ${line}`)
  return code
}

/** SIGTERM to every child still running, SIGKILL after `graceMs`. */
export async function stopAll(graceMs = 8000): Promise<void> {
  const children = [...running]
  for (const { child } of children) child.kill('SIGTERM')
  const killer = setTimeout(() => children.forEach(({ child }) => child.kill('SIGKILL')), graceMs)
  await Promise.all(children.map((managed) => managed.exited))
  clearTimeout(killer)
}

/** Polls `url` until it answers (any HTTP status below 500) or `timeoutMs` passes. */
export async function waitForHttp(url: string, timeoutMs: number, isAlive: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`stopped before ${url} answered`)
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
      if (response.status < 500) return
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s`)
}

// A process that starts the embedded Postgres and has no signal handlers of its own must not leave
// the server running when it is terminated (the package's own handlers are replaced, see the module).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })

test('SIGTERM to a process without handlers stops its embedded server and exits 143', async () => {
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spanlens-embedded-'))
  fs.chmodSync(dataDir, 0o755) // as root, Postgres runs as its own OS user, which must traverse it
  const script = `
    const imported = await import(${JSON.stringify(path.resolve('lib/db/embedded-postgres.ts'))})
    const { startEmbeddedPostgres } = imported.default ?? imported // tsx compiles the module as CommonJS
    await startEmbeddedPostgres({ dataDir: ${JSON.stringify(path.join(dataDir, 'cluster'))}, port: ${port}, database: 'probe' })
    console.log('READY')
    setInterval(() => {}, 1000)`
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk) => String(chunk).includes('READY') && resolve())
    child.once('exit', (code) => reject(new Error(`exited early with ${code}`)))
  })
  expect(await listening(port)).toBe(true)
  child.kill('SIGTERM')
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  expect(code).toBe(143)
  expect(await listening(port)).toBe(false)
  fs.rmSync(dataDir, { recursive: true, force: true })
}, 60_000)

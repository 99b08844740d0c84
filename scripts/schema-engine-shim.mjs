#!/usr/bin/env node
// Spanlens copy of ../shared/toolchain/schema-engine-shim.mjs (verified there; tested here by
// scripts/schema-engine-shim.db.test.ts). Wired in prisma.config.ts.
// Drop-in replacement for Prisma's native `schema-engine` binary, backed by @prisma/schema-engine-wasm
// + @prisma/adapter-pg. Point the Prisma CLI at it:  PRISMA_SCHEMA_ENGINE_BINARY=./schema-engine-shim.mjs
// The CLI spawns it as `schema-engine [--datamodels <file>]... [--datasource <json>]` and speaks
// newline-delimited JSON-RPC 2.0 over stdin/stdout; or as `... cli <can-connect-to-database|create-database|drop-database>`.
import fs from 'node:fs'
import readline from 'node:readline'
import pg from 'pg'
import { PrismaPg } from '@prisma/adapter-pg'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'

const argv = process.argv.slice(2)
const datamodels = []
let datasource = {}
let cliCmd = null
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]
  if (a === '--datamodels') datamodels.push(argv[++i])
  else if (a === '--datasource') datasource = JSON.parse(argv[++i])
  else if (a === '--enabled-preview-features' || a === '--extension-types') i++
  else if (a === '--version' || a === '-V') {
    console.log('schema-engine-cli wasm-shim')
    process.exit(0)
  } else if (a === 'cli') cliCmd = argv[++i]
}
const logErr = (message, extra = {}) =>
  process.stderr.write(
    JSON.stringify({ timestamp: new Date().toISOString(), level: 'ERROR', fields: { message, ...extra }, target: 'schema_engine_shim' }) +
      '\n',
  )

function urlFromSchemas() {
  // Prisma 7 schemas carry no url; the CLI passes --datasource {"url": ...} from prisma.config.ts
  return datasource.url ?? process.env.DATABASE_URL
}
function pgConfigFromUrl(u) {
  const x = new URL(u)
  const sslmode = x.searchParams.get('sslmode')
  return {
    host: decodeURIComponent(x.hostname) || 'localhost',
    port: x.port ? Number(x.port) : 5432,
    user: x.username ? decodeURIComponent(x.username) : undefined,
    password: x.password ? decodeURIComponent(x.password) : undefined,
    database: decodeURIComponent(x.pathname.slice(1)) || undefined,
    ...(sslmode && sslmode !== 'disable' ? { ssl: { rejectUnauthorized: false } } : {}),
    // ?schema=foo: the engine inspects schema foo (adapter option) but runs unqualified DDL, so pin search_path too
    ...(x.searchParams.get('schema') ? { options: `-c search_path="${x.searchParams.get('schema')}"` } : {}),
  }
}
const url = urlFromSchemas()
if (!url) {
  logErr('No datasource url (set datasource.url in prisma.config.ts)')
  process.exit(1)
}
const baseConfig = pgConfigFromUrl(url)
const pgSchema = new URL(url).searchParams.get('schema') ?? undefined

// "char" (OID 18) -> text: adapter-pg 7.10.x cannot map it but the schema describer selects it.
const fixFields = (res) => {
  for (const r of Array.isArray(res) ? res : [res]) for (const f of r?.fields ?? []) if (f.dataTypeID === 18) f.dataTypeID = 25
  return res
}
// PostgreSQL 18 lists NOT NULL constraints in pg_constraint (contype 'n'); the wasm schema describer's
// denylist `contype NOT IN ('p', 'u', 'f')` lets them through and panics ("unreachable"); see prisma/orm#29635.
const PG18_DENYLIST = "contype NOT IN ('p', 'u', 'f')"
const fixSql = (q) => {
  if (typeof q === 'string') return q.includes(PG18_DENYLIST) ? q.replace(PG18_DENYLIST, "contype NOT IN ('p', 'u', 'f', 'n')") : q
  if (q && typeof q.text === 'string' && q.text.includes(PG18_DENYLIST)) return { ...q, text: fixSql(q.text) }
  return q
}
function patchQuery(obj) {
  const orig = obj.query.bind(obj)
  obj.query = (q, ...a) => {
    const r = orig(fixSql(q), ...a)
    return r && typeof r.then === 'function' ? r.then(fixFields) : r
  }
}
function makeFactory(config, options) {
  const pool = new pg.Pool(config)
  patchQuery(pool)
  pool.on('connect', (c) => patchQuery(c))
  return new PrismaPg(pool, { ...options, disposeExternalPool: true })
}

async function adminQuery(sql) {
  const c = new pg.Client({ ...baseConfig, database: 'postgres' })
  await c.connect()
  try {
    return await c.query(sql)
  } finally {
    await c.end()
  }
}
const q = (s) => `"${String(s).replace(/"/g, '""')}"`

// ---- `schema-engine cli <command>` mode (used by migrate dev/deploy/status before JSON-RPC)
if (cliCmd) {
  try {
    if (cliCmd === 'can-connect-to-database') {
      const c = new pg.Client(baseConfig)
      await c.connect()
      await c.end()
    } else if (cliCmd === 'create-database') {
      await adminQuery(`CREATE DATABASE ${q(baseConfig.database)}`)
      process.stdout.write(JSON.stringify({ database_name: baseConfig.database }) + '\n')
    } else if (cliCmd === 'drop-database') {
      await adminQuery(`DROP DATABASE IF EXISTS ${q(baseConfig.database)}`)
    } else throw new Error(`unsupported cli command ${cliCmd}`)
    process.exit(0)
  } catch (e) {
    // error_code P1003 = "Database does not exist", which makes `migrate dev` offer/perform create-database
    const code = e?.code === '3D000' ? 'P1003' : e?.code === 'ECONNREFUSED' ? 'P1001' : undefined
    const msg =
      code === 'P1003'
        ? `Database \`${baseConfig.database}\` does not exist on the database server at \`${baseConfig.host}:${baseConfig.port}\`.`
        : String(e?.message ?? e)
    // The CLI drops stderr's first line and JSON.parses every following line (see m2e in prisma/build/cli.js)
    process.stderr.write(
      'schema-engine-shim cli error\n' +
        JSON.stringify({ level: 'ERROR', target: 'schema_engine::logger', fields: { message: msg, error_code: code } }) +
        '\n',
    )
    process.exit(1)
  }
}

// ---- JSON-RPC mode
const base = makeFactory(baseConfig, pgSchema ? { schema: pgSchema } : undefined)
const factory = {
  provider: base.provider,
  adapterName: base.adapterName,
  connect: () => base.connect(),
  async connectToShadowDb() {
    const shadowUrl = datasource.shadowDatabaseUrl ?? process.env.SHADOW_DATABASE_URL
    if (shadowUrl) return makeFactory(pgConfigFromUrl(shadowUrl), pgSchema ? { schema: pgSchema } : undefined).connect()
    const admin = await makeFactory(baseConfig).connect()
    const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`
    await admin.executeScript(`CREATE DATABASE "${name}"`)
    const shadow = await makeFactory({ ...baseConfig, database: name }, pgSchema ? { schema: pgSchema } : undefined).connect()
    if (pgSchema) await shadow.executeScript(`CREATE SCHEMA IF NOT EXISTS "${pgSchema}"`)
    const closeShadow = shadow.dispose.bind(shadow)
    shadow.dispose = async () => {
      await closeShadow()
      await admin.executeScript(`DROP DATABASE IF EXISTS "${name}"`)
      await admin.dispose()
    }
    return shadow
  },
}

// wasm panics report their message through this global (the Prisma CLI defines the same one)
globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
  message: '',
  set_message(m) {
    this.message = `RuntimeError: ${m}`
  },
  get() {
    return this.message
  },
}
const bgUrl = import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg')
const bg = await import(bgUrl)
const { instance } = await WebAssembly.instantiate(fs.readFileSync(new URL('./schema_engine_bg.wasm', bgUrl)), {
  './schema_engine_bg.js': bg,
})
bg.__wbg_set_wasm(instance.exports)
instance.exports.__wbindgen_start?.()

const debugLog = (m) => {
  if (process.env.DEBUG_SCHEMA_ENGINE) process.stderr.write(`${m}\n`)
}
let enginePromise
const getEngine = () =>
  (enginePromise ??= bg.SchemaEngine.new(
    // Without any datamodel (e.g. `migrate diff`, which spawns the engine without --datamodels) the wasm
    // engine panics ("unreachable") on the first shadow-DB use, so fall back to a bare postgres datasource.
    {
      datamodels: datamodels.length
        ? datamodels.map((p) => [p, fs.readFileSync(p, 'utf8')])
        : [['schema.prisma', 'datasource db {\n  provider = "postgresql"\n}\n']],
    },
    debugLog,
    bindMigrationAwareSqlAdapterFactory(factory),
  ))

const send = (obj) => process.stdout.write(JSON.stringify(obj) + '\n')
let printId = 1e9
const pendingPrints = new Map()
function printToCli(content) {
  const id = ++printId
  return new Promise((resolve) => {
    pendingPrints.set(id, resolve)
    send({ jsonrpc: '2.0', id, method: 'print', params: { content } })
  })
}
function toRpcError(e) {
  const message = String(e?.message ?? e)
  const m = /\b(P\d{4})\b/.exec(message)
  return {
    code: 4466,
    message: 'An error happened. Check the data field for details.',
    data: { is_panic: false, message, error_code: m?.[1], meta: {} },
  }
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
let chain = Promise.resolve()
rl.on('line', (line) => {
  if (!line.trim()) return
  let req
  try {
    req = JSON.parse(line)
  } catch {
    return
  }
  if (req.method === undefined) {
    pendingPrints.get(req.id)?.()
    pendingPrints.delete(req.id)
    return
  } // CLI's answer to `print`
  chain = chain.then(async () => {
    try {
      const engine = await getEngine()
      let result
      switch (req.method) {
        case 'getDatabaseVersion':
          result = await engine.version(req.params ?? null)
          break
        case 'version':
          result = await engine.version(req.params ?? null)
          break
        case 'debugPanic':
          engine.debugPanic()
          break
        case 'diff': {
          // native engine prints the script through a `print` JSON-RPC request (stdout: null); wasm returns it
          const r = await engine.diff(req.params)
          if (r.stdout) {
            await printToCli(r.stdout)
            r.stdout = null
          }
          result = r
          break
        }
        case 'evaluateDataLoss': {
          // wasm 8.1.0-2 fails here: "PostgreSQL shadow DB must be provided through an external factory".
          // Approximate with a dry createMigration (same shadow-DB replay); data-loss warnings are not computed.
          const r = await engine.createMigration({
            draft: false,
            migrationName: 'evaluate_data_loss',
            migrationsList: req.params.migrationsList,
            schema: req.params.schema,
            filters: req.params.filters,
          })
          const steps = r.migrationScript ? (r.migrationScript.match(/^-- [A-Z][A-Za-z]+$/gm) ?? ['x']).length : 0
          result = { migrationSteps: steps, warnings: [], unexecutableSteps: [] }
          break
        }
        default:
          if (typeof engine[req.method] !== 'function') {
            send({ jsonrpc: '2.0', id: req.id, error: { code: -32601, message: `Method not found: ${req.method}` } })
            return
          }
          result = await engine[req.method](req.params ?? {})
      }
      send({ jsonrpc: '2.0', id: req.id, result: result ?? {} })
    } catch (e) {
      const panic = globalThis.PRISMA_WASM_PANIC_REGISTRY.message
      if (panic) {
        e = new Error(`${panic}\n${e?.message ?? e}`)
        globalThis.PRISMA_WASM_PANIC_REGISTRY.message = ''
      }
      logErr(String(e?.message ?? e))
      send({ jsonrpc: '2.0', id: req.id, error: toRpcError(e) })
    }
  })
})
rl.on('close', () => {
  void chain.then(() => process.exit(0))
})

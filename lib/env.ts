// The only reader of process.env: parses it once with zod, and refuses to start on a bad value,
// naming the variable. Callers use `env()`; it parses on first use so that importing a module
// (e.g. during `next build`) does not require a configured environment.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { withoutCredentials } from '@/lib/url/credentials'

const port = z.coerce.number().int().min(1).max(65_535)
const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .default('')
  .transform((value) => value === '1' || value === 'true' || value === 'yes')
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
const postgresUrl = z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
/** A comma-separated list of webhook signing secrets; empty = the receiver is off. */
const webhookSecrets = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((secret) => secret.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().min(16, 'each secret must be at least 16 characters (e.g. `openssl rand -hex 32`)')))

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Demo mode: embedded Postgres, demo Jaeger, demo users. Set by `npm run demo`. */
  SPANLENS_DEMO: flag,
  /** Any Postgres; when unset, scripts start the embedded one and pass its URL on. */
  DATABASE_URL: postgresUrl.optional(),
  /** Base URL of the Jaeger query service (the API the worker syncs from). */
  JAEGER_URL: httpUrl.default('http://127.0.0.1:16686'),
  /** Base URL of the Jaeger UI for deep links; defaults to JAEGER_URL (jaeger-query serves both). */
  JAEGER_UI_URL: httpUrl.optional(),
  NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)').optional(),
  /** The app's public URL. https in production (so session cookies are `Secure`), except on loopback. */
  NEXTAUTH_URL: httpUrl.optional(),
  /**
   * Which X-Forwarded-For entry, counted from the right, is the client's address for sign-in limits:
   * 1 when the app is reached directly or behind one proxy that appends (nginx, most load balancers).
   */
  CLIENT_ADDRESS_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  PORT: port.default(3000),
  DEMO_JAEGER_PORT: port.default(16686),
  /** The demo's notification receiver (demo/receiver), which the demo's channel posts its alerts to. */
  DEMO_RECEIVER_PORT: port.default(9094),
  EMBEDDED_POSTGRES_PORT: port.default(54329),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** json for log collectors; pretty for people (default: pretty on a terminal outside production). */
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  /** How often a worker writes its heartbeat row. */
  WORKER_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  /** Timeout of one request to Jaeger. */
  JAEGER_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
  /** How far back a service's first sync reaches (baselines want 7 days, before/after comparisons 14). */
  SYNC_BACKFILL_DAYS: z.coerce.number().min(0).max(400).default(14),
  /** Late spans get this long to reach Jaeger before their window is read. */
  SYNC_SETTLE_SECONDS: z.coerce.number().int().min(0).max(3600).default(120),
  SYNC_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** A new service's most recent stretch is read first, so pages have current data while history backfills. */
  SYNC_LIVE_FIRST_MINUTES: z.coerce.number().int().min(0).max(1440).default(60),
  /** Traces asked for per search; a full answer splits the window. Keep it ≤ Jaeger's own maximum. */
  SYNC_SEARCH_DEPTH: z.coerce.number().int().min(2).max(100_000).default(1000),
  /** Pieces shorter than this are sampled instead of split further. */
  SYNC_SPLIT_FLOOR_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  SYNC_MAX_REQUESTS_PER_WINDOW: z.coerce.number().int().min(1).max(10_000).default(64),
  /** Pause between sync rounds once caught up. */
  SYNC_INTERVAL_SECONDS: z.coerce.number().min(0.1).max(3600).default(10),
  ROLLUP_MINUTE_RETENTION_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 400)
    .default(48),
  ROLLUP_HOUR_RETENTION_DAYS: z.coerce.number().min(1).max(400).default(35),
  ROLLUP_DAY_RETENTION_DAYS: z.coerce.number().min(1).max(3650).default(400),
  /**
   * Signing secrets of PagerDuty v3 webhook subscriptions, comma-separated (several while one is rotated).
   * Unset: POST /api/v1/webhooks/pagerduty answers 503 instead of accepting unsigned deliveries.
   */
  PAGERDUTY_WEBHOOK_SECRETS: webhookSecrets,
  /** Secret(s) of our signed incident webhook (X-Spanlens-Signature), comma-separated while rotating. Unset: 503. */
  INCIDENT_WEBHOOK_SECRET: webhookSecrets,
})

export type Env = z.output<typeof envSchema> & { JAEGER_UI_URL: string; NEXTAUTH_SECRET: string }

export class EnvError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(`Invalid environment:\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n')}`)
    this.name = 'EnvError'
  }
}

/** Where local, git-ignored state lives (generated secrets, demo anchor). */
export const LOCAL_DIR = path.resolve(process.cwd(), '.local')

function localSecret(): string {
  const file = path.join(LOCAL_DIR, 'nextauth-secret')
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  const secret = crypto.randomBytes(32).toString('base64url')
  fs.mkdirSync(LOCAL_DIR, { recursive: true })
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  return secret
}

/** Only this machine can reach a loopback URL, and browsers treat it as a secure context. */
const isLoopback = (hostname: string) => hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname)

/** Parses a given environment (pure apart from the demo secret file); throws EnvError. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source)
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? '?'), message: issue.message })))
  }
  const parsed = result.data
  if (parsed.NODE_ENV === 'production' && !parsed.SPANLENS_DEMO) {
    const url = parsed.NEXTAUTH_URL ? new URL(parsed.NEXTAUTH_URL) : null
    if (!url)
      throw new EnvError([
        {
          variable: 'NEXTAUTH_URL',
          message: 'is required in production: the public https URL of the app, e.g. https://spanlens.example.com',
        },
      ])
    if (url.protocol !== 'https:' && !isLoopback(url.hostname)) {
      throw new EnvError([
        { variable: 'NEXTAUTH_URL', message: 'must be https in production, so session cookies are sent only over TLS (Secure)' },
      ])
    }
  }
  let secret = parsed.NEXTAUTH_SECRET
  if (!secret) {
    // A generated secret is only acceptable where sessions need not survive a redeploy elsewhere.
    if (parsed.NODE_ENV === 'production' && !parsed.SPANLENS_DEMO) {
      throw new EnvError([{ variable: 'NEXTAUTH_SECRET', message: 'is required in production (e.g. `openssl rand -base64 32`)' }])
    }
    secret = localSecret()
  }
  // Deep links are shown to every user: never with the query API's credentials in them.
  return { ...parsed, JAEGER_UI_URL: withoutCredentials(parsed.JAEGER_UI_URL ?? parsed.JAEGER_URL), NEXTAUTH_SECRET: secret }
}

let cached: Env | undefined

export function env(): Env {
  cached ??= parseEnv(process.env)
  return cached
}

/** For process entry points: parse now, or print which variable is wrong and exit. */
export function loadEnvOrExit(): Env {
  try {
    return env()
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`spanlens: refusing to start. ${error.message}`)
      process.exit(78) // EX_CONFIG
    }
    throw error
  }
}

/** The app's public address, for links in notifications: NEXTAUTH_URL, else the local one. */
export const appUrlOf = (config: Pick<Env, 'NEXTAUTH_URL' | 'PORT'>): string =>
  (config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '')

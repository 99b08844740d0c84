// Structured logs (pino), shared by the worker and scripts: JSON in production, readable on a terminal.
import pino, { type Logger } from 'pino'
import { env } from '@/lib/env'

let root: Logger | undefined

export function logger(name: string): Logger {
  root ??= pino({
    level: env().LOG_LEVEL,
    ...(process.stdout.isTTY && env().NODE_ENV !== 'production'
      ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } }
      : {}),
  })
  return root.child({ name })
}

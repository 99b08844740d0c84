// Structured logs (pino), shared by the worker and scripts: JSON in production, readable on a terminal.
import pino, { type Logger } from 'pino'
import { env } from '@/lib/env'

let root: Logger | undefined

export function logger(name: string): Logger {
  const { LOG_LEVEL, LOG_FORMAT, NODE_ENV } = env()
  const pretty = LOG_FORMAT ? LOG_FORMAT === 'pretty' : process.stdout.isTTY && NODE_ENV !== 'production'
  root ??= pino({
    level: LOG_LEVEL,
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { colorize: process.stdout.isTTY, translateTime: 'HH:MM:ss', ignore: 'pid,hostname', singleLine: true },
          },
        }
      : {}),
  })
  return root.child({ name })
}

// Test helpers for the fault tests: requests over real HTTP that report how they failed.
import http from 'node:http'

export type Answer = { status: number; text: string; headers: Headers; elapsedMs: number }

export async function get(url: string, init?: RequestInit): Promise<Answer> {
  const startedMs = performance.now()
  const response = await fetch(url, init)
  const text = await response.text()
  return { status: response.status, text, headers: response.headers, elapsedMs: performance.now() - startedMs }
}

/** The code a fetch fails with (its cause's, e.g. ECONNRESET), or `HTTP <status>` if it answers. */
export const fetchOutcome = (url: string): Promise<string> =>
  fetch(url).then(
    async (response) => {
      await response.arrayBuffer()
      return `HTTP ${response.status}`
    },
    (error: unknown) => String((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name),
  )

/**
 * The same on a connection of its own: fetch would try a pooled keep-alive connection first, which a
 * closing server ends with "other side closed" before anything can be refused.
 */
export const freshConnectionOutcome = (url: string): Promise<string> =>
  new Promise((resolve) => {
    http
      .get(url, { agent: false }, (response) => {
        response.resume()
        response.on('end', () => resolve(`HTTP ${response.statusCode}`))
      })
      .on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
  })

/** Polls until the URL answers (any status), or fails after timeoutMs. */
export async function waitUntilAnswering(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while ((await freshConnectionOutcome(url)).startsWith('HTTP ') === false) {
    if (Date.now() > deadline) throw new Error(`${url} still not answering after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

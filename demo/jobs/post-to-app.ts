// How the demo's jobs reach the app: plain HTTP posts, as any outside sender would make them, retried
// a few times while the app is busy or restarting (a connection refused, a 5xx), never on a 4xx.

export type AppResponse = { status: number; json: unknown }

const RETRIES = 5

export async function postToApp(url: string, body: string, headers: Record<string, string>): Promise<AppResponse> {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(url, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', ...headers },
        signal: AbortSignal.timeout(30_000),
      })
      const text = await response.text()
      if (response.status < 500 || attempt >= RETRIES) return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null }
    } catch (error) {
      if (attempt >= RETRIES) throw error
    }
    await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt))
  }
}

/** A refusal as one line: the status and the app's own message. */
export const describeRefusal = ({ status, json }: AppResponse) => `${status} ${JSON.stringify(json).slice(0, 500)}`

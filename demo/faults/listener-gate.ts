// Owns the demo Jaeger's listening socket: listen, close for good, and the `down: 'refuse'` fault —
// stop listening (new connections get ECONNREFUSED) and listen again on the same address later.
import type http from 'node:http'
import type { AddressInfo } from 'node:net'

export type ListenerGate = {
  listen(port: number, host: string): Promise<AddressInfo>
  /**
   * Refusing closes the listener and the idle keep-alive connections; a client that had one may see
   * its next request fail with "other side closed" before ECONNREFUSED, as when a real Jaeger dies.
   */
  setRefusing(refusing: boolean): Promise<void>
  /** Stops listening and drops every connection; later setRefusing calls do nothing. */
  close(): Promise<void>
}

export function createListenerGate(server: http.Server): ListenerGate {
  let address: AddressInfo | undefined
  let closed = false
  /** Transitions run one after another, in call order. */
  let queue: Promise<void> = Promise.resolve()
  const enqueue = (transition: () => Promise<void> | void) => (queue = queue.catch(() => {}).then(transition))

  const listenOn = (port: number, host: string) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, host, () => {
        server.off('error', reject)
        resolve()
      })
    })

  return {
    async listen(port, host) {
      await listenOn(port, host)
      address = server.address() as AddressInfo
      return address
    },
    setRefusing: (refusing) =>
      enqueue(async () => {
        const refused = !server.listening
        if (closed || !address || refusing === refused) return
        if (!refusing) return listenOn(address.port, address.address)
        server.close()
        server.closeIdleConnections()
      }),
    close: () =>
      enqueue(
        () =>
          new Promise<void>((resolve, reject) => {
            closed = true
            if (!server.listening) {
              server.closeAllConnections()
              return resolve()
            }
            server.close((error) => (error ? reject(error) : resolve()))
            server.closeAllConnections()
          }),
      ),
  }
}

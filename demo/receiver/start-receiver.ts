// Starts the demo notification receiver: handle-receiver-request.ts behind a node:http server, reading
// at most MAX_BODY_BYTES of a body. Used by demo/receiver/server.ts (the process entry) and the tests.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { handleReceiverRequest, MAX_BODY_BYTES, payloadTooLarge, type ReceiverResponse } from './handle-receiver-request'
import { createNotificationStore, type NotificationStore } from './notification-store'
import type { ReceivedNotification } from './schemas'

export const DEFAULT_RECEIVER_PORT = 9094

export type DemoReceiver = { url: string; port: number; store: NotificationStore; close(): Promise<void> }

export async function startReceiver({
  port = DEFAULT_RECEIVER_PORT,
  host = '127.0.0.1',
  capacity,
  onNotification,
}: {
  /** 0 picks a free port. */
  port?: number
  host?: string
  capacity?: number
  onNotification?: (notification: ReceivedNotification) => void
} = {}): Promise<DemoReceiver> {
  const store = createNotificationStore({ capacity, onAdd: onNotification })
  const server = http.createServer((request, response) => {
    const send = ({ status, headers, body }: ReceiverResponse) => {
      response.writeHead(status, { ...headers, 'Content-Length': Buffer.byteLength(body) })
      response.end(body)
    }
    // An oversized body is read to its end and dropped, so the sender gets its 413 rather than a reset.
    let tooLarge = Number(request.headers['content-length']) > MAX_BODY_BYTES
    let bytes = 0
    const chunks: Buffer[] = []
    request.on('error', () => {})
    request.on('data', (chunk: Buffer) => {
      bytes += chunk.length
      if (bytes > MAX_BODY_BYTES) tooLarge = true
      if (tooLarge) chunks.length = 0
      else chunks.push(chunk)
    })
    request.on('end', () => {
      if (tooLarge) return send(payloadTooLarge())
      const path = new URL(request.url ?? '/', 'http://receiver').pathname
      send(handleReceiverRequest({ method: request.method ?? 'GET', path, body: Buffer.concat(chunks).toString('utf8') }, store))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const hostname = address.address.includes(':') ? `[${address.address}]` : address.address
  return {
    url: `http://${hostname}:${address.port}`,
    port: address.port,
    store,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

// node:http → DemoHandler: reads the request (body included) and writes the answer with its byte
// Content-Length, or resets the connection (TCP RST: the client sees ECONNRESET) when a fault says so.
import type http from 'node:http'
import type { DemoHandler } from './demo-response'

export function serveDemoHandler(handler: DemoHandler): http.RequestListener {
  return (request, response) => {
    const chunks: Buffer[] = []
    // A client that hangs up mid-body gets no answer; there is no one to give it to.
    request.on('error', () => {})
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const target = request.url ?? '/'
      const queryStart = target.indexOf('?')
      handler({
        method: request.method ?? 'GET',
        path: queryStart < 0 ? target : target.slice(0, queryStart),
        rawQuery: queryStart < 0 ? '' : target.slice(queryStart + 1),
        body: Buffer.concat(chunks).toString('utf8'),
      })
        .then((result) => {
          if (result.resetConnection) {
            request.socket.resetAndDestroy()
            return
          }
          response.writeHead(result.status, { ...result.headers, 'Content-Length': Buffer.byteLength(result.body) })
          response.end(result.body)
        })
        .catch((error: unknown) => {
          console.error('demo Jaeger: request failed', error)
          if (!response.headersSent) response.writeHead(500)
          response.end()
        })
    })
  }
}

import net from 'node:net'

/** Resolves when nothing listens on 127.0.0.1:port; rejects naming the variable to change otherwise. */
export function assertPortFree(port: number, variable: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', () => reject(new Error(`port ${port} is in use; stop what runs there or set ${variable} to another port`)))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()))
  })
}

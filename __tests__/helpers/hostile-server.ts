import {
  createServer,
  type IncomingMessage,
  type ServerResponse
} from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request the hostile server saw. */
export interface SeenRequest {
  method: string
  path: string
}

/**
 * A server that answers the preflight correctly and then whatever the test
 * wants for the trigger and status calls: for responses no honest
 * Qualytics would send (wrong types, unknown results, huge bodies).
 */
export async function startHostileServer(
  handle: (req: IncomingMessage, res: ServerResponse) => boolean
): Promise<{ url: string; seen: SeenRequest[]; close: () => Promise<void> }> {
  const seen: SeenRequest[] = []
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', path: req.url ?? '' })
    req.resume()
    if (handle(req, res)) return
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    if (req.url === '/api/users/me')
      return json(200, { id: 1, name: 'bot', role: 'Member' })
    if (req.url?.startsWith('/api/datastores/')) {
      return json(200, {
        id: 42,
        name: 'DS',
        enrich_datastore: { id: 9, name: 'E' }
      })
    }
    json(404, { detail: 'Not Found' })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

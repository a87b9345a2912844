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

/** What a handler gets besides the raw request and response. */
export interface Exchange {
  /** The request body, parsed as JSON (undefined when empty or not JSON). */
  body: unknown
  /** Answer 200 with this JSON. */
  json: (body: unknown) => void
}

/** The token the hostile server's preflight accepts (any token, in fact). */
export const HOSTILE_TOKEN = 'hostile-token-abcdef'

/**
 * A server that answers the preflight correctly and then whatever the test
 * wants for the trigger and status calls: for responses no honest
 * Qualytics would send (wrong types, unknown results, huge bodies) and for
 * requests that never get an answer. A handler returns true when it took
 * the request (answering or deliberately not).
 */
export async function startHostileServer(
  handle: (req: IncomingMessage, res: ServerResponse, x: Exchange) => boolean
): Promise<{ url: string; seen: SeenRequest[]; close: () => Promise<void> }> {
  const seen: SeenRequest[] = []
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', path: req.url ?? '' })
    let text = ''
    req.on('data', (d: Buffer) => (text += d.toString()))
    req.on('end', () => {
      const json = (status: number, body: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(body))
      }
      let body: unknown
      try {
        body = text === '' ? undefined : JSON.parse(text)
      } catch {
        body = undefined
      }
      if (handle(req, res, { body, json: b => json(200, b) })) return
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

/** Inputs that point the action at a hostile server (datastore 42). */
export function hostileInputs(
  url: string,
  extra: Record<string, string> = {}
): Record<string, string> {
  return { url, token: HOSTILE_TOKEN, datastore: '42', ...extra }
}

/** Which export a trigger body asks for. */
export function assetOf(body: unknown): string {
  return (body as { asset_type?: string } | undefined)?.asset_type ?? ''
}

/** An export item of datastore 42 (anomalies unless `fields` says otherwise). */
export function exportItem(
  id: number,
  fields: Record<string, unknown> = {}
): Record<string, unknown> {
  return {
    id,
    type: 'export',
    datastore: { id: 42 },
    asset_type: 'anomalies',
    include_deleted: false,
    message: null,
    ...fields
  }
}

/** One page of `GET /api/operations` holding `items`. */
export function listPage(items: unknown[]): Record<string, unknown> {
  return { items, total: items.length, page: 1, size: 50 }
}

/** A time as the API writes it. */
export const iso = (ms: number): string => new Date(ms).toISOString()

/** How many POSTs a server has seen. */
export function posts(server: { seen: readonly SeenRequest[] }): number {
  return server.seen.filter(r => r.method === 'POST').length
}

/**
 * An export of datastore 42 created at `createdMs` that succeeded a second
 * later, with only the fields the wire-in cases read (no include_deleted,
 * no message: some cases are about fields that are missing).
 */
export function endedExport(
  id: number,
  createdMs: number,
  extra: Record<string, unknown> = {}
): Record<string, unknown> {
  return {
    id,
    type: 'export',
    datastore: { id: 42 },
    asset_type: 'anomalies',
    result: 'success',
    created: iso(createdMs),
    start_time: iso(createdMs),
    end_time: iso(createdMs + 1000),
    ...extra
  }
}

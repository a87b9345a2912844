/**
 * A proxy in front of the simulator that answers the way an unusual or
 * hostile Qualytics might, without changing what happened on the server:
 * creation answers with `result` "queued" or null and string ids, times
 * without an offset, a Date header a day behind, passing 404s and unknown
 * `result` words on status reads, and list pages with other datastores'
 * exports mixed in (some without a datastore field).
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mulberry32 } from '../../simulator/index.js'

type Json = Record<string, unknown>

/** Strip the offset from ISO times: a naive-UTC server's way. */
function naive(op: Json): Json {
  const out = { ...op }
  for (const key of ['created', 'start_time', 'end_time'])
    if (typeof out[key] === 'string')
      out[key] = out[key].replace(/Z$|\+00:00$/, '')
  return out
}

export async function startHostileProxy(
  target: string,
  seed: number
): Promise<{ url: string; shaped: number; close: () => Promise<void> }> {
  const random = mulberry32(seed)
  /** Operations seen, by id: what other datastores' items look like. */
  const known = new Map<number, Json>()
  const state = { shaped: 0 }
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (d: Buffer) => (body += d.toString()))
    req.on('end', () => {
      void (async () => {
        const path = req.url ?? ''
        const isStatus = /^\/api\/operations\/\d+$/.test(path)
        if (isStatus && req.method === 'GET' && random() < 0.05) {
          state.shaped++
          res.writeHead(404, { 'content-type': 'application/json' })
          res.end('{"detail":"Operation not found"}')
          return
        }
        let upstream: Response
        try {
          upstream = await fetch(`${target}${path}`, {
            method: req.method,
            headers: req.headers as Record<string, string>,
            body: body === '' ? undefined : body
          })
        } catch {
          res.destroy()
          return
        }
        let text = await upstream.text()
        try {
          text = JSON.stringify(shape(path, req.method ?? '', JSON.parse(text)))
        } catch {
          // not JSON (a fault the simulator injected): pass it on
        }
        const headers: Record<string, string> = {
          'content-type': upstream.headers.get('content-type') ?? 'text/plain',
          date: new Date(Date.now() - 86_400_000).toUTCString()
        }
        const retryAfter = upstream.headers.get('retry-after')
        if (retryAfter) headers['retry-after'] = retryAfter
        res.writeHead(upstream.status, headers)
        res.end(text)
      })()
    })
  })

  function shape(path: string, method: string, json: unknown): unknown {
    if (json === null || typeof json !== 'object') return json
    const op = json as Json
    if (method === 'POST' && typeof op.id === 'number') {
      known.set(op.id, op)
      state.shaped++
      const roll = random()
      if (roll < 0.3) return naive({ ...op, result: 'queued' })
      if (roll < 0.5) return naive({ ...op, result: null, id: String(op.id) })
      return naive(op)
    }
    if (/^\/api\/operations\/\d+$/.test(path) && typeof op.id === 'number') {
      if (op.result === 'running' && random() < 0.05) {
        state.shaped++
        return naive({ ...op, result: 'finalizing' })
      }
      return naive(op)
    }
    if (path.startsWith('/api/operations?') && Array.isArray(op.items)) {
      const ds = Number(/datastore=(\d+)/.exec(path)?.[1])
      const items = op.items as Json[]
      // Fresh by the server's clock: newer than anything listed.
      const newest = Math.max(
        0,
        ...items.map(o => Date.parse(String(o.created)) || 0)
      )
      const foreign = [...known.values()]
        .filter(o => (o.datastore as Json | undefined)?.id !== ds)
        .slice(-3)
        .map((o, i) => {
          state.shaped++
          const fresh = {
            ...o,
            created: new Date(newest + 1000 + i).toISOString()
          }
          // Another datastore's export, its datastore field missing or wrong.
          return i === 0
            ? { ...fresh, datastore: undefined }
            : { ...fresh, datastore: { id: ds + 100000 } }
        })
      return { ...op, items: [...items, ...foreign].map(naive) }
    }
    return json
  }

  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    get shaped() {
      return state.shaped
    },
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

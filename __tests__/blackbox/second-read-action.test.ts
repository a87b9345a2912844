/**
 * A second read before any verdict, black-box: the bundled action against
 * hostile servers on 127.0.0.1 whose history holds future and zone-less
 * times, and whose list lags the exports' own reads.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { runAction } from '../helpers/bundle.js'
import { operationsOf } from '../helpers/fixtures.js'
import {
  type Exchange,
  exportItem,
  hostileInputs,
  iso,
  listPage,
  posts,
  startHostileServer
} from '../helpers/hostile-server.js'

type Server = Awaited<ReturnType<typeof startHostileServer>>
let server: Server | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** The bundled action, exporting anomalies of datastore 42 from `s`. */
function runAnomalies(s: Server): ReturnType<typeof runAction> {
  return runAction({
    inputs: hostileInputs(s.url, { options: 'anomalies', verify: 'false' })
  })
}

/** The list and single reads of a server holding `items()` (newest first). */
function answerReads(
  url: string | undefined,
  x: Exchange,
  items: () => Record<string, unknown>[],
  own: (id: number) => Record<string, unknown> | undefined = id =>
    items().find(i => i.id === id)
): boolean {
  if (url?.startsWith('/api/operations?'))
    return (x.json(listPage(items())), true)
  const m = /^\/api\/operations\/(\d+)$/.exec(url ?? '')
  const found = m ? own(Number(m[1])) : undefined
  return found ? (x.json(found), true) : false
}

describe('a history with clocks that cannot be trusted', () => {
  it.each([
    ['in the future', (now: number) => iso(now + 10_000)],
    ['without a zone', (now: number) => iso(now + 9 * 3_600_000).slice(0, 19)]
  ])(
    'one row created %s, then a 502 on a POST that created the export: one POST, that export adopted',
    async (_, created) => {
      const now = Date.now()
      const items: Record<string, unknown>[] = [
        exportItem(500, {
          result: 'success',
          created: created(now),
          start_time: created(now),
          end_time: created(now)
        })
      ]
      server = await startHostileServer((req, res, x) => {
        if (req.method === 'POST') {
          const at = Date.now()
          items.unshift(
            exportItem(501, {
              result: 'success',
              created: iso(at),
              start_time: iso(at),
              end_time: iso(at + 500)
            })
          )
          res.writeHead(502, { 'content-type': 'text/html' })
          res.end('<html>Bad Gateway</html>')
          return true
        }
        return answerReads(req.url, x, () => items)
      })
      const run = await runAnomalies(server)
      expect(posts(server)).toBe(1)
      expect(run.outputs['operation-id']).toBe('501')
      expect(run.outputs.result).toBe('success')
      expect(run.stdout).toMatch(/Adopted export 501/)
    }
  )
})

describe('a list that lags the exports’ own reads', () => {
  it('is not followed when its own read says it ended: the run triggers its own', async () => {
    const now = Date.now()
    let ours: Record<string, unknown> | undefined
    server = await startHostileServer((req, _res, x) => {
      if (req.method === 'POST') {
        ours = exportItem(801, {
          result: 'success',
          start_time: iso(Date.now()),
          end_time: iso(Date.now() + 200)
        })
        return (x.json(ours), true)
      }
      return answerReads(
        req.url,
        x,
        () => [
          // The list still shows it running; it ended three days ago.
          exportItem(400, { result: 'running', end_time: null })
        ],
        id =>
          id === 400
            ? exportItem(400, {
                result: 'success',
                start_time: iso(now - 3 * 86_400_000 - 60_000),
                end_time: iso(now - 3 * 86_400_000)
              })
            : id === 801
              ? ours
              : undefined
      )
    })
    const run = await runAnomalies(server)
    expect(posts(server)).toBe(1)
    expect(operationsOf(run.outputs)[0]).toMatchObject({
      id: 801,
      adopted: false,
      result: 'success'
    })
    expect(run.stdout).toContain('Request: POST /api/operations/run')
  })

  it('follows one its own read confirms, and prints no Request: POST line for it', async () => {
    const started = Date.now()
    const running = (): Record<string, unknown> => {
      const done = Date.now() - started > 2500
      return exportItem(400, {
        result: done ? 'success' : 'running',
        start_time: iso(started - 1000),
        end_time: done ? iso(started + 2500) : null
      })
    }
    server = await startHostileServer((req, _res, x) =>
      answerReads(req.url, x, () => [running()])
    )
    const run = await runAnomalies(server)
    expect(posts(server)).toBe(0)
    expect(operationsOf(run.outputs)[0]).toMatchObject({
      id: 400,
      adopted: true,
      result: 'success'
    })
    expect(run.stdout).not.toContain('Request: POST')
    expect(run.stdout).toContain('Request: none; followed export 400')
  })
})

/**
 * One way in, black-box: the bundled command line against a hostile
 * server on 127.0.0.1, adopting by id after an ambiguous trigger (issue
 * 9, "Duplicates and false results"). The action's cases run in-process
 * in ../wire-in.test.ts.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import type { ServerResponse } from 'node:http'
import { runCli } from '../helpers/cli.js'
import {
  endedExport,
  HOSTILE_TOKEN,
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

/** An ISO time without an offset, as a naive-UTC server writes it. */
const naive = (ms: number): string => iso(ms).replace('Z', '')

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(typeof body === 'string' ? body : JSON.stringify(body))
}

describe('adoption after an ambiguous trigger (502)', () => {
  it('adopts by id whatever offset-less times say, after a look that failed once (command line, Asia/Tokyo)', async () => {
    let lists = 0
    let createdAt = 0
    server = await startHostileServer((req, res, { json }) => {
      if (req.method === 'POST') {
        createdAt = Date.now()
        return (answer(res, 502, 'bad gateway'), true)
      }
      if (req.url?.startsWith('/api/operations?')) {
        // The first read fails; the POST waits for one that reads.
        if (++lists <= 3) return (answer(res, 500, { detail: 'busy' }), true)
        if (createdAt === 0) return (json(listPage([])), true)
        return (
          json(
            listPage([
              {
                ...endedExport(8004, createdAt, { result: 'running' }),
                created: naive(createdAt),
                start_time: naive(createdAt),
                end_time: null
              }
            ])
          ),
          true
        )
      }
      if (req.url === '/api/operations/8004')
        return (json(endedExport(8004, createdAt)), true)
      return false
    })
    const run = await runCli(
      [
        'run',
        '--url',
        server.url,
        '--datastore',
        '42',
        '--options',
        'anomalies',
        '--poll-interval',
        '1s',
        '--timeout',
        '30s'
      ],
      { env: { QUALYTICS_TOKEN: HOSTILE_TOKEN, TZ: 'Asia/Tokyo' } }
    )
    expect(posts(server)).toBe(1)
    expect(run.stdout).toMatch(/Adopted export 8004/)
    expect(run.code).toBe(0)
  })
})

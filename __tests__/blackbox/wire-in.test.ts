/**
 * One way in, black-box: the bundled action and command line against a
 * hostile server on 127.0.0.1. Each case is a reproduction from issue 9
 * ("Duplicates and false results", "Hangs and crashes").
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import type { ServerResponse } from 'node:http'
import { runAction, startAction } from '../helpers/bundle.js'
import { runCli } from '../helpers/cli.js'
import { operationsOf, textOf, waitFor } from '../helpers/fixtures.js'
import {
  HOSTILE_TOKEN,
  hostileInputs,
  startHostileServer
} from '../helpers/hostile-server.js'

type Server = Awaited<ReturnType<typeof startHostileServer>>
let server: Server | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const posts = (s: Server): number =>
  s.seen.filter(r => r.method === 'POST').length
const iso = (ms: number): string => new Date(ms).toISOString()
/** An ISO time without an offset, as a naive-UTC server writes it. */
const naive = (ms: number): string => iso(ms).replace('Z', '')

const exportItem = (
  id: number,
  createdMs: number,
  extra: Record<string, unknown> = {}
): Record<string, unknown> => ({
  id,
  type: 'export',
  datastore: { id: 42 },
  asset_type: 'anomalies',
  result: 'success',
  created: iso(createdMs),
  start_time: iso(createdMs),
  end_time: iso(createdMs + 1000),
  ...extra
})

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(typeof body === 'string' ? body : JSON.stringify(body))
}

const page = (items: unknown[]): Record<string, unknown> => ({
  items,
  total: items.length,
  page: 1,
  size: 50
})

describe('a 2xx trigger answer', () => {
  it.each([
    ['result "queued"', { id: 7001, result: 'queued', end_time: null }],
    ['result null', { id: 7001, result: null }],
    ['a decimal string id', { id: '7001', result: 'running' }],
    ['only an id', { id: 7001 }]
  ])(
    'with %s and a readable id is this run’s export: one POST, tracked',
    async (_, created) => {
      server = await startHostileServer((req, res, { json }) => {
        if (req.method === 'POST') return (json(created), true)
        if (req.url === '/api/operations/7001') {
          json(exportItem(7001, Date.now() - 500, { result: 'success' }))
          return true
        }
        if (req.url?.startsWith('/api/operations?'))
          return (json(page([])), true)
        return false
      })
      const run = await runAction({
        inputs: hostileInputs(server.url, { options: 'anomalies' })
      })
      expect(posts(server)).toBe(1)
      expect(run.outputs['operation-id']).toBe('7001')
      expect(run.outputs.result).toBe('success')
      expect(run.code).toBe(0)
    }
  )

  it.each([
    ['a fraction id', '{"id": 7001.5, "result": "running"}'],
    ['an id above 2^53', '{"id": 9007199254740993, "result": "running"}'],
    ['no id', '{"result": "running"}'],
    ['a body that is not JSON', '<html>ok</html>']
  ])('with %s is "cannot tell": never posted again', async (_, body) => {
    server = await startHostileServer((req, res, { json }) => {
      if (req.method === 'POST') return (answer(res, 200, body), true)
      if (req.url?.startsWith('/api/operations?')) return (json(page([])), true)
      return false
    })
    const run = await runAction({
      inputs: hostileInputs(server.url, { options: 'anomalies' })
    })
    expect(posts(server)).toBe(1)
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('failure')
    expect(textOf(operationsOf(run.outputs)[0])).toMatch(
      /may or may not have started.*not sent again/
    )
  })
})

describe('adoption after an ambiguous trigger (502)', () => {
  it('takes no foreign list item: no datastore field, another datastore, another type', async () => {
    const now = Date.now()
    let listed = 0
    server = await startHostileServer((req, res, { json }) => {
      if (req.method === 'POST') {
        if (posts(server as Server) === 1)
          return (answer(res, 502, 'bad'), true)
        return (json({ id: 8002, result: 'running', end_time: null }), true)
      }
      if (req.url?.startsWith('/api/operations?')) {
        // The look (first read) is empty; afterwards foreign items appear.
        listed++
        const later = now + 2000
        return (
          json(
            page(
              listed === 1
                ? []
                : [
                    exportItem(901, later, { datastore: undefined }),
                    exportItem(902, later, { datastore: { id: 43 } }),
                    exportItem(903, later, { type: 'scan' }),
                    exportItem(904, later, { asset_type: 'checks' })
                  ]
            )
          ),
          true
        )
      }
      if (req.url === '/api/operations/8002')
        return (json(exportItem(8002, now, { result: 'success' })), true)
      return false
    })
    const run = await runAction({
      inputs: hostileInputs(server.url, { options: 'anomalies' })
    })
    expect(run.stdout).not.toMatch(/Adopted export 90\d/)
    expect(run.outputs['operation-id']).toBe('8002')
    expect(run.outputs.result).toBe('success')
  })

  it('with the Date header a day behind, never takes yesterday’s finished export', async () => {
    const dayAgo = Date.now() - 86_400_000
    server = await startHostileServer((req, res, { json }) => {
      res.setHeader('date', new Date(dayAgo).toUTCString())
      if (req.method === 'POST') {
        if (posts(server as Server) === 1)
          return (answer(res, 502, 'bad'), true)
        return (json({ id: 8003, result: 'running', end_time: null }), true)
      }
      if (req.url?.startsWith('/api/operations?'))
        return (json(page([exportItem(501, dayAgo + 500)])), true)
      if (req.url === '/api/operations/8003')
        return (json(exportItem(8003, dayAgo + 9000)), true)
      return false
    })
    const run = await runAction({
      inputs: hostileInputs(server.url, { options: 'anomalies' })
    })
    expect(run.stdout).not.toMatch(/Adopted export 501/)
    expect(run.outputs['operation-ids']).toBe('8003')
  })

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
        if (createdAt === 0) return (json(page([])), true)
        return (
          json(
            page([
              {
                ...exportItem(8004, createdAt, { result: 'running' }),
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
        return (json(exportItem(8004, createdAt)), true)
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

describe('status reads', () => {
  it.each([
    ['a transient 404', 404],
    ['an unknown result word', 'word']
  ])('tolerate %s, then report what the server said', async (_, kind) => {
    let reads = 0
    const started = Date.now()
    server = await startHostileServer((req, res, { json }) => {
      if (req.method === 'POST')
        return (json({ id: 8005, result: 'running', end_time: null }), true)
      if (req.url?.startsWith('/api/operations?')) return (json(page([])), true)
      if (req.url === '/api/operations/8005') {
        if (++reads === 1)
          return (
            kind === 404
              ? answer(res, 404, { detail: 'Operation not found' })
              : // Still going (no end_time): a word the action does not know.
                json(
                  exportItem(8005, started, {
                    result: 'finalizing',
                    end_time: null
                  })
                ),
            true
          )
        return (
          json(
            exportItem(8005, started, {
              status: { total_containers: 12 }
            })
          ),
          true
        )
      }
      return false
    })
    const run = await runAction({
      inputs: hostileInputs(server.url, {
        options: 'anomalies',
        'poll-interval': '1s'
      })
    })
    expect(run.outputs.result).toBe('success')
    expect(operationsOf(run.outputs)[0]).toMatchObject({
      id: 8005,
      result: 'success',
      end_time: iso(started + 1000),
      total_containers: 12
    })
  })
})

describe('no request hangs', () => {
  it('a stalled body in preflight is cut by the whole-request deadline', async () => {
    let me = 0
    server = await startHostileServer((req, res, { json }) => {
      if (req.url === '/api/users/me' && ++me === 1) {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.write('{"id": 1, "na') // and nothing more
        return true
      }
      if (req.method === 'POST')
        return (json({ id: 8006, result: 'success', end_time: iso(1) }), true)
      if (req.url?.startsWith('/api/operations?')) return (json(page([])), true)
      return false
    })
    const run = await runAction({
      inputs: hostileInputs(server.url, { options: 'profiles' }),
      env: { QUALYTICS_TIMEOUT: '2' }
    })
    expect(me).toBe(2)
    expect(run.outputs.result).toBe('success')
  })

  it('a stalled count read does not keep a finished run from ending', async () => {
    server = await startHostileServer((req, res, { json }) => {
      if (req.url?.startsWith('/api/anomalies')) {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.write('{"total"')
        return true
      }
      if (req.method === 'POST')
        return (json({ id: 8007, result: 'running', end_time: null }), true)
      if (req.url?.startsWith('/api/operations?')) return (json(page([])), true)
      if (req.url === '/api/operations/8007')
        return (json(exportItem(8007, Date.now())), true)
      return false
    })
    const run = await runAction({
      inputs: hostileInputs(server.url, { options: 'anomalies' }),
      env: { QUALYTICS_TIMEOUT: '2' }
    })
    expect(run.outputs.result).toBe('success')
  })

  it('with wait: false, Ctrl-C ends a stalled POST at once', async () => {
    server = await startHostileServer((req, res, { json }) => {
      if (req.method === 'POST') {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.write('{"id"')
        return true
      }
      if (req.url?.startsWith('/api/operations?')) return (json(page([])), true)
      return false
    })
    // The POST would stall for the 120 s request timeout: ending within
    // the test's timeout means the cancel did not wait for it.
    const { child, done } = startAction({
      inputs: hostileInputs(server.url, {
        options: 'anomalies',
        wait: 'false'
      }),
      env: { QUALYTICS_TIMEOUT: '120' }
    })
    await waitFor(() => posts(server as Server) === 1)
    child.kill('SIGINT')
    const run = await done
    expect(run.outputs.result).toBe('cancelled')
    expect(textOf(operationsOf(run.outputs)[0])).toMatch(/may have started/)
  })

  it('https:// against a plain-http server fails at once, saying so', async () => {
    server = await startHostileServer(() => false)
    const run = await runAction({
      inputs: hostileInputs(server.url.replace('http://', 'https://'))
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/the server speaks plain HTTP; use http:\/\//)
    expect(run.stdout).not.toMatch(/wrong version number|Retrying/i)
  })
})

describe('the post step', () => {
  it.each([
    ['an id above 2^31 - 1', '3000000000', true],
    ['garbage', 'x,1e9,-3,{"a":1},99999999999999999999', false]
  ])(
    'with %s in its state never throws, and aborts what it can read',
    async (_, watching, readable) => {
      server = await startHostileServer((req, res, { json }) => {
        if (req.url === '/api/operations/3000000000')
          return (
            json({ id: 3000000000, result: 'running', end_time: null }),
            true
          )
        if (req.method === 'PUT')
          return (json({ id: 3000000000, result: 'aborted' }), true)
        return false
      })
      const run = await runAction({
        inputs: hostileInputs(server.url),
        state: { isPost: 'true', watching }
      })
      expect(run.code).toBe(0)
      expect(run.stderr.length).toBeLessThan(2000)
      expect(
        server.seen.some(r => r.path === '/api/operations/abort/3000000000')
      ).toBe(readable)
    }
  )
})

describe('stopping stays inside GitHub’s 7.5 s', () => {
  it('a cancel whose aborts and counts stall still exits well before SIGTERM', async () => {
    server = await startHostileServer((req, res, { json }) => {
      const stall = (): boolean => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.write('{"id"')
        return true
      }
      if (req.method === 'POST') {
        const n = posts(server as Server)
        return (json({ id: 9100 + n, result: 'running', end_time: null }), true)
      }
      if (req.method === 'PUT') return stall()
      if (req.url?.startsWith('/api/anomalies')) return stall()
      if (req.url?.startsWith('/api/quality-checks')) return stall()
      if (req.url?.startsWith('/api/operations?')) return (json(page([])), true)
      if (req.url?.startsWith('/api/operations/'))
        return (json({ id: 9101, result: 'running', end_time: null }), true)
      return false
    })
    const { child, done } = startAction({
      inputs: hostileInputs(server.url, { options: 'all' })
    })
    // All three run, and their statuses are being read: the cancel comes
    // with every export on the server. The stop budget that keeps it
    // inside the 7.5 s is clock time, not measured here.
    await waitFor(() => posts(server as Server) === 3)
    await waitFor(() =>
      (server as Server).seen.some(
        r => r.method === 'GET' && r.path.startsWith('/api/operations/9')
      )
    )
    child.kill('SIGINT')
    const run = await done
    expect(run.outputs.result).toBe('cancelled')
    // Every abort that did not get through is left for the post step.
    expect(run.state.abortPending?.split(',')).toHaveLength(3)
  })

  it('the post step does not hang on a stalled body', async () => {
    server = await startHostileServer((req, res) => {
      if (req.url?.startsWith('/api/operations/')) {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.write('{"id": 7')
        return true
      }
      return false
    })
    const run = await runAction({
      inputs: hostileInputs(server.url),
      state: { isPost: 'true', watching: '7' }
    })
    expect(run.code).toBe(0)
    expect(server.seen.some(r => r.path === '/api/operations/abort/7')).toBe(
      true
    )
  })
})

/**
 * One way in, through the action's entry point in-process on a fast
 * clock, against a hostile server on 127.0.0.1: trigger answers, adoption
 * after an ambiguous trigger, status reads. Each case is a reproduction
 * from issue 9 ("Duplicates and false results"); the command line's run
 * is in blackbox/wire-in.test.ts, the stalls in wire-in-hangs.test.ts.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import type { ServerResponse } from 'node:http'
import { inProcessSuite } from './helpers/action-in-process.js'
import { operationsOf, textOf } from './helpers/fixtures.js'
import {
  endedExport,
  hostileInputs,
  iso,
  listPage,
  posts,
  startHostileServer
} from './helpers/hostile-server.js'

type Server = Awaited<ReturnType<typeof startHostileServer>>
let server: Server | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(typeof body === 'string' ? body : JSON.stringify(body))
}

const { runAction } = inProcessSuite()

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
          json(endedExport(7001, Date.now() - 500, { result: 'success' }))
          return true
        }
        if (req.url?.startsWith('/api/operations?'))
          return (json(listPage([])), true)
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
      if (req.url?.startsWith('/api/operations?'))
        return (json(listPage([])), true)
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
            listPage(
              listed === 1
                ? []
                : [
                    endedExport(901, later, { datastore: undefined }),
                    endedExport(902, later, { datastore: { id: 43 } }),
                    endedExport(903, later, { type: 'scan' }),
                    endedExport(904, later, { asset_type: 'checks' })
                  ]
            )
          ),
          true
        )
      }
      if (req.url === '/api/operations/8002')
        return (json(endedExport(8002, now, { result: 'success' })), true)
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
        return (json(listPage([endedExport(501, dayAgo + 500)])), true)
      if (req.url === '/api/operations/8003')
        return (json(endedExport(8003, dayAgo + 9000)), true)
      return false
    })
    const run = await runAction({
      inputs: hostileInputs(server.url, { options: 'anomalies' })
    })
    expect(run.stdout).not.toMatch(/Adopted export 501/)
    expect(run.outputs['operation-ids']).toBe('8003')
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
      if (req.url?.startsWith('/api/operations?'))
        return (json(listPage([])), true)
      if (req.url === '/api/operations/8005') {
        if (++reads === 1)
          return (
            kind === 404
              ? answer(res, 404, { detail: 'Operation not found' })
              : // Still going (no end_time): a word the action does not know.
                json(
                  endedExport(8005, started, {
                    result: 'finalizing',
                    end_time: null
                  })
                ),
            true
          )
        return (
          json(
            endedExport(8005, started, {
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

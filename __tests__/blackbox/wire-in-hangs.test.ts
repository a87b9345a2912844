/**
 * One way in, black-box, when the server stalls: Ctrl-C ends a stalled
 * POST at once, the post step does not wait on a stalled body, and
 * stopping stays inside GitHub's 7.5 s (issue 9, "Hangs and crashes").
 * The stalls a process is not needed for run in ../wire-in-hangs.test.ts.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { runAction, startAction } from '../helpers/bundle.js'
import { operationsOf, textOf, waitFor } from '../helpers/fixtures.js'
import {
  hostileInputs,
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

describe('no request hangs', () => {
  it('with wait: false, Ctrl-C ends a stalled POST at once', async () => {
    server = await startHostileServer((req, res, { json }) => {
      if (req.method === 'POST') {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.write('{"id"')
        return true
      }
      if (req.url?.startsWith('/api/operations?'))
        return (json(listPage([])), true)
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
      if (req.url?.startsWith('/api/operations?'))
        return (json(listPage([])), true)
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

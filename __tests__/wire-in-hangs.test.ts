/**
 * One way in when the server stalls, through the action's entry point
 * in-process: a stalled body or count read holds nothing up, and https
 * against plain http fails at once. Each case is a reproduction from
 * issue 9 ("Hangs and crashes"); Ctrl-C, the post step and the SIGTERM
 * window need the bundle, in blackbox/wire-in-hangs.test.ts.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { inProcessSuite } from './helpers/action-in-process.js'
import {
  endedExport,
  hostileInputs,
  iso,
  listPage,
  startHostileServer
} from './helpers/hostile-server.js'

type Server = Awaited<ReturnType<typeof startHostileServer>>
let server: Server | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const { runAction } = inProcessSuite()

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
      if (req.url?.startsWith('/api/operations?'))
        return (json(listPage([])), true)
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
      if (req.url?.startsWith('/api/operations?'))
        return (json(listPage([])), true)
      if (req.url === '/api/operations/8007')
        return (json(endedExport(8007, Date.now())), true)
      return false
    })
    const run = await runAction({
      inputs: hostileInputs(server.url, { options: 'anomalies' }),
      env: { QUALYTICS_TIMEOUT: '2' }
    })
    expect(run.outputs.result).toBe('success')
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

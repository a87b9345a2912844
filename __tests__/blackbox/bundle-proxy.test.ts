/**
 * The bundle leaves undici out (scripts/bundle.mjs): @actions/http-client
 * needs it only for fetch dispatchers. Requests through a proxy must still
 * work, since they go through node:http and tunnel.
 */
import { afterEach, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { runAction } from '../helpers/bundle.js'
import type { QualyticsSimulator } from '../../simulator/index.js'
import { startSimulator } from '../helpers/fixtures.js'

let sim: QualyticsSimulator | undefined
let proxy: Server | undefined
afterEach(async () => {
  proxy?.closeAllConnections()
  proxy?.close()
  await sim?.close()
})

/** A CONNECT proxy that sends every tunnel to `port` on 127.0.0.1. */
async function startProxy(
  port: number
): Promise<{ url: string; hosts: string[] }> {
  const hosts: string[] = []
  proxy = createServer((_req, res) => res.writeHead(405).end())
  proxy.on('connect', (req, socket, head) => {
    hosts.push(req.url ?? '')
    const upstream = connect(port, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(socket)
      socket.pipe(upstream)
    })
    upstream.on('error', () => socket.destroy())
    socket.on('error', () => upstream.destroy())
  })
  const server = proxy
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port: own } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${own}`, hosts }
}

it('exports through an HTTP proxy without undici in the bundle', async () => {
  sim = await startSimulator()
  const port = Number(new URL(sim.url).port)
  const { url, hosts } = await startProxy(port)
  // Loopback hosts bypass the proxy, so the action is given a made-up name.
  const run = await runAction({
    inputs: {
      url: `http://qualytics.test:${port}`,
      token: sim.token,
      datastore: '42',
      options: 'profiles'
    },
    env: { http_proxy: url }
  })
  expect(run.errors).toEqual([])
  expect(run.code).toBe(0)
  expect(run.outputs.result).toBe('success')
  expect(hosts.length).toBeGreaterThan(0)
  expect(new Set(hosts)).toEqual(new Set([`qualytics.test:${port}`]))
  expect(sim.requests.length).toBeGreaterThanOrEqual(hosts.length)
})

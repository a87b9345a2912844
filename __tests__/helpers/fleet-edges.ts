/**
 * What the fleet view and the heartbeat share between the in-process
 * suite (../results-file.test.ts) and the bundle's
 * (blackbox/results-file.test.ts): a monitor to ping, leg folders, the
 * log without its mask lines, and the edges the contract names (a
 * garbled, other-version or missing results file; a failed heartbeat
 * ping), written once and run by both.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inputsFor, operationsOf } from './fixtures.js'
import type { Harness } from './night-shift-edges.js'

/** The log without the runner's mask commands (which must carry the secret). */
export const logOf = (stdout: string): string =>
  stdout
    .split('\n')
    .filter(l => !l.startsWith('::add-mask::'))
    .join('\n')

/** Exports of datastore 43 fail in Qualytics; the others succeed. */
export const failing43 = ({ datastoreId }: { datastoreId: number }) => ({
  durationMs: 200,
  result: datastoreId === 43 ? ('failure' as const) : ('success' as const),
  message: datastoreId === 43 ? 'warehouse connection lost' : null
})

/** A fresh folder for a fan-out's results files. */
export const dir = (): string => mkdtempSync(join(tmpdir(), 'qea-results-'))

export const readJson = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>

let monitors: Server[] = []
afterEach(async () => {
  const open = monitors
  monitors = []
  await Promise.all(open.map(m => new Promise(r => m.close(r))))
})

/** A monitor on 127.0.0.1 that records the paths it is pinged on. */
export async function startMonitor(status = 200): Promise<{
  url: string
  pings: string[]
}> {
  const pings: string[] = []
  const monitor = createServer((req, res) => {
    pings.push(req.url ?? '')
    res.writeHead(status).end('OK')
  })
  monitors.push(monitor)
  await new Promise<void>(r => monitor.listen(0, '127.0.0.1', r))
  const { port } = monitor.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/ping/k3y-of-the-check-0001`, pings }
}

/** The edges, as tests of the calling suite. */
export function fleetEdges({ simulate, runAction }: Harness): void {
  describe('merge-results, the edges', () => {
    it('names a garbled, another-version and a missing file, and is at best failure', async () => {
      const sim = await simulate()
      const folder = dir()
      await runAction({
        inputs: inputsFor(sim, { 'results-file': join(folder, 'r-1.json') })
      })
      writeFileSync(join(folder, 'r-2.json'), '{"version":1,"result":"succ')
      writeFileSync(
        join(folder, 'r-3.json'),
        JSON.stringify({ version: 2, result: 'success', operations: [] })
      )
      const run = await runAction({
        inputs: {
          'merge-results': `${join(folder, 'r-*.json')}\n${join(folder, 'gone.json')}`
        }
      })
      expect(run.code).toBe(1)
      expect(run.outputs.result).toBe('failure')
      expect(operationsOf(run.outputs)).toHaveLength(1)
      const errors = run.errors.join('\n')
      expect(errors).toMatch(/r-2\.json is not JSON/)
      expect(errors).toMatch(/r-3\.json has version 2/)
      expect(errors).toMatch(/gone\.json is missing/)
      expect(run.summary).toContain('r-2.json')
    })
  })

  describe('heartbeat-url, the edges', () => {
    it('sends nothing for a dry run, and a failed ping is a warning only', async () => {
      const hb = await startMonitor(503)
      const sim = await simulate()
      const dry = await runAction({
        inputs: inputsFor(sim, { 'dry-run': 'true', 'heartbeat-url': hb.url })
      })
      expect(dry.code).toBe(0)
      expect(hb.pings).toEqual([])
      const run = await runAction({
        inputs: inputsFor(sim, { 'heartbeat-url': hb.url })
      })
      expect(hb.pings).toHaveLength(1)
      expect(run.code).toBe(0)
      expect(run.outputs.result).toBe('success')
      expect(run.warnings.join('\n')).toMatch(
        /heartbeat ping failed: the monitor answered HTTP 503/
      )
      expect(logOf(run.stdout)).not.toContain('k3y-of-the-check')
    })
  })
}

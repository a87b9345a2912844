/**
 * `results-file`, `merge-results`, `heartbeat-url` and `scheduled-at`
 * against the bundled action: legs that write their outcome (also when
 * preflight stops them), a gather step that merges them without calling
 * any API, files that are missing, garbled or of another version, the
 * heartbeat to a loopback monitor (ok, /fail, a monitor that fails, none
 * for a dry run), and a refused heartbeat URL that keeps its key secret.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { QualyticsSimulator } from '../../simulator/index.js'
import { runAction } from '../helpers/bundle.js'
import { runCli } from '../helpers/cli.js'
import { inputsFor, operationsOf, startSimulator } from '../helpers/fixtures.js'

let sim: QualyticsSimulator | undefined
let monitor: Server | undefined
afterEach(async () => {
  await sim?.close()
  await new Promise(r => (monitor ? monitor.close(r) : r(undefined)))
  sim = undefined
  monitor = undefined
})

/** The log without the runner's mask commands (which must carry the secret). */
const logOf = (stdout: string): string =>
  stdout
    .split('\n')
    .filter(l => !l.startsWith('::add-mask::'))
    .join('\n')

/** Exports of datastore 43 fail in Qualytics; the others succeed. */
const failing43 = ({ datastoreId }: { datastoreId: number }) => ({
  durationMs: 200,
  result: datastoreId === 43 ? ('failure' as const) : ('success' as const),
  message: datastoreId === 43 ? 'warehouse connection lost' : null
})

const dir = (): string => mkdtempSync(join(tmpdir(), 'qea-results-'))
const readJson = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>

/** A monitor on 127.0.0.1 that records the paths it is pinged on. */
async function startMonitor(status = 200): Promise<{
  url: string
  pings: string[]
}> {
  const pings: string[] = []
  monitor = createServer((req, res) => {
    pings.push(req.url ?? '')
    res.writeHead(status).end('OK')
  })
  await new Promise<void>(r => monitor?.listen(0, '127.0.0.1', r))
  const { port } = monitor.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/ping/k3y-of-the-check-0001`, pings }
}

describe('results-file', () => {
  it('holds version 1, the result, the rows, the plan and the host of a leg', async () => {
    sim = await startSimulator()
    const file = join(dir(), 'leg.json')
    const run = await runAction({
      inputs: inputsFor(sim, {
        options: 'anomalies,checks',
        'results-file': file
      })
    })
    expect(run.code).toBe(0)
    const doc = readJson(file)
    expect(doc).toMatchObject({
      version: 1,
      result: 'success',
      host: sim.url,
      plan: [
        { datastore_id: 42, asset_type: 'anomalies' },
        { datastore_id: 42, asset_type: 'checks' }
      ],
      datastores: [{ id: 42, name: 'Sales Warehouse' }]
    })
    expect(doc.operations).toEqual(operationsOf(run.outputs))
    expect(Date.parse(doc.ended_at as string)).toBeGreaterThanOrEqual(
      Date.parse(doc.started_at as string)
    )
    expect(readFileSync(file, 'utf8')).not.toContain(sim.token)
  })
})

describe('qualytics-export report', () => {
  it('merges the files of run --results-file, writes the summary and exits like one run', async () => {
    sim = await startSimulator({ behaviour: failing43 })
    const folder = dir()
    const env = { QUALYTICS_TOKEN: sim.token, QUALYTICS_URL: sim.url }
    for (const datastore of ['42', '43'])
      await runCli(
        [
          'run',
          '--datastore',
          datastore,
          '--options',
          'checks',
          '--results-file',
          join(folder, `leg-${datastore}.json`)
        ],
        { env }
      )
    writeFileSync(join(folder, 'leg-99.json'), 'not json')
    const requests = sim.requests.length
    const summary = join(folder, 'summary.md')
    const report = await runCli(
      [
        'report',
        join(folder, 'leg-*.json'),
        '--summary-file',
        summary,
        '--junit-file',
        join(folder, 'junit.xml')
      ],
      { env: {} }
    )
    expect(sim.requests.length).toBe(requests)
    expect(report.code).toBe(1)
    expect(report.stderr).toMatch(/leg-99\.json is not JSON/)
    expect(report.stdout).toMatch(/warehouse connection lost/)
    expect(report.stdout).toMatch(
      /Merged 2 results files with 2 exports; 1 file could not be merged/
    )
    expect(readFileSync(summary, 'utf8')).toMatch(
      /❌ 1 failed · ✅ 1 succeeded/
    )
  })
})

describe('heartbeat-url', () => {
  it('pings the URL on success and <url>/fail on failure, never printing it', async () => {
    const hb = await startMonitor()
    sim = await startSimulator()
    const ok = await runAction({
      inputs: inputsFor(sim, { 'heartbeat-url': hb.url })
    })
    expect(ok.code).toBe(0)
    const failed = await runAction({
      inputs: inputsFor(sim, { datastore: '7', 'heartbeat-url': hb.url })
    })
    expect(failed.code).toBe(1)
    expect(hb.pings).toEqual([
      '/ping/k3y-of-the-check-0001',
      '/ping/k3y-of-the-check-0001/fail'
    ])
    for (const run of [ok, failed]) {
      expect(logOf(run.stdout)).not.toContain('k3y-of-the-check')
      expect(run.summary).not.toContain('k3y-of-the-check')
    }
  })
})

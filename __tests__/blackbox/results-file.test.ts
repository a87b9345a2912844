/**
 * `results-file`, `merge-results`, `heartbeat-url` and `scheduled-at`
 * against the bundled action: legs that write their outcome (also when
 * preflight stops them), a gather step that merges them without calling
 * any API, files that are missing, garbled or of another version, the
 * heartbeat to a loopback monitor (ok, /fail, a monitor that fails, none
 * for a dry run), and a refused heartbeat URL that keeps its key secret.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { QualyticsSimulator } from '../../simulator/index.js'
import { runAction } from '../helpers/bundle.js'
import { runCli } from '../helpers/cli.js'
import {
  closeSimulators,
  inputsFor,
  operationsOf,
  startSimulator
} from '../helpers/fixtures.js'
import {
  dir,
  failing43,
  fleetEdges,
  logOf,
  readJson,
  startMonitor
} from '../helpers/fleet-edges.js'

let sim: QualyticsSimulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})
afterEach(closeSimulators)

fleetEdges({ simulate: scenario => startSimulator(scenario), runAction })

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

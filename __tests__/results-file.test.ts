/**
 * `results-file`, `merge-results`, `heartbeat-url` and `scheduled-at`
 * against the bundled action: legs that write their outcome (also when
 * preflight stops them), a gather step that merges them without calling
 * any API, files that are missing, garbled or of another version, the
 * heartbeat to a loopback monitor (ok, /fail, a monitor that fails, none
 * for a dry run), and a refused heartbeat URL that keeps its key secret.
 */
import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { inProcessSuite } from './helpers/action-in-process.js'
import { inputsFor, operationsOf } from './helpers/fixtures.js'
import {
  dir,
  failing43,
  fleetEdges,
  logOf,
  readJson
} from './helpers/fleet-edges.js'

const { simulate, runAction, clock } = inProcessSuite()

fleetEdges({ simulate, runAction })

describe('results-file', () => {
  it('is written when preflight stops the run, saying why', async () => {
    const sim = await simulate()
    const file = join(dir(), 'leg.json')
    const run = await runAction({
      inputs: inputsFor(sim, { datastore: '7', 'results-file': file })
    })
    expect(run.code).toBe(1)
    const doc = readJson(file)
    expect(doc).toMatchObject({ version: 1, result: 'failure', operations: [] })
    expect(doc.problem).toMatch(/no enrichment datastore linked/)
  })
})

describe('merge-results', () => {
  it('merges legs into one result, one operations output and one summary, calling no API', async () => {
    const sim = await simulate({ behaviour: failing43 })
    const folder = dir()
    for (const [leg, datastore] of [
      ['b', '43'],
      ['a', '42']
    ] as const)
      await runAction({
        inputs: inputsFor(sim, {
          datastore,
          'results-file': join(folder, `results-${leg}.json`)
        })
      })
    const requests = sim.requests.length
    const run = await runAction({
      inputs: { 'merge-results': join(folder, 'results-*.json') }
    })
    expect(sim.requests.length).toBe(requests)
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('failure')
    const rows = operationsOf(run.outputs)
    // Files in name order: leg a (42) before leg b (43).
    expect(rows.map(r => [r.datastore_id, r.result])).toEqual([
      [42, 'success'],
      [43, 'failure']
    ])
    expect(run.outputs['operation-ids']).toBe(rows.map(r => r.id).join(','))
    expect(JSON.parse(run.outputs.datastores ?? '')).toEqual([42, 43])
    expect(run.summary).toContain('Merged 2 results files with 2 exports')
    expect(run.summary).toContain('warehouse connection lost')
    expect(run.errors.at(-1)).toMatch(/Merged 2 results files/)
  })

  it('is refused beside datastore, before anything is read', async () => {
    const run = await runAction({
      inputs: { datastore: '42', 'merge-results': 'results-*.json' }
    })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toMatch(
      /merge-results.*cannot be combined with datastore/
    )
  })
})

describe('heartbeat-url', () => {
  it.each([
    ['ftp://hc-ping.example/s3cret-path-0001?k=s3cret', /scheme "ftp"/],
    [
      'http://hc-ping.example/s3cret-path-0001?k=s3cret',
      /http to host "hc-ping\.example"/
    ]
  ])('refuses %s naming what is wrong, not the path', async (url, why) => {
    const sim = await simulate()
    const run = await runAction({
      inputs: inputsFor(sim, { 'heartbeat-url': url })
    })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toMatch(why)
    expect(logOf(run.stdout)).not.toContain('s3cret')
    expect(sim.requests).toHaveLength(0)
  })
})

describe('scheduled-at', () => {
  it('is the latest slot of the cron not after the start, and the summary says how late', async () => {
    const sim = await simulate()
    // The run's time is the test's fast clock, not the wall's: a slot
    // boundary may lie between the two.
    const before = clock().now()
    const run = await runAction({
      inputs: inputsFor(sim),
      scheduleCron: '*/5 * * * *'
    })
    expect(run.code).toBe(0)
    const at = Date.parse(run.outputs['scheduled-at'] ?? '')
    expect(at).toBeLessThanOrEqual(clock().now())
    expect(new Date(at).getUTCMinutes() % 5).toBe(0)
    expect(at).toBeGreaterThan(before - 5 * 60_000 - 1000)
    expect(run.stdout).toMatch(
      /belongs to the schedule's slot of .* and started/
    )
    expect(run.summary).toMatch(/slot <strong>/)
  })

  it('is empty when the run was not scheduled', async () => {
    const sim = await simulate()
    const run = await runAction({ inputs: inputsFor(sim) })
    expect(run.outputs['scheduled-at']).toBe('')
  })
})

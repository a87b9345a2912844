/**
 * Black-box tests: the bundled dist/index.js, run as a runner would run it,
 * against the simulator on 127.0.0.1.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import type { QualyticsSimulator } from '../../simulator/index.js'
import {
  inputsFor,
  operationsOf,
  startSimulator,
  triggers,
  textOf
} from '../helpers/fixtures.js'
import { runAction } from '../helpers/bundle.js'

let sim: QualyticsSimulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

describe('the export action, end to end', () => {
  it('exports two datastores, all asset types, and reports every operation in plan order', async () => {
    sim = await startSimulator()
    const run = await runAction({
      inputs: inputsFor(sim, { datastore: '43,42', options: 'all' })
    })
    expect(run.code).toBe(0)
    expect(run.errors).toEqual([])
    expect(triggers(sim)).toEqual(
      [43, 42].flatMap(ds =>
        ['anomalies', 'checks', 'profiles'].map(asset => ({
          type: 'export',
          datastore_id: ds,
          asset_type: asset,
          include_deleted: false
        }))
      )
    )
    const rows = operationsOf(run.outputs)
    expect(rows.map(r => [r.datastore_id, r.asset_type, r.result])).toEqual(
      [43, 42].flatMap(ds =>
        ['anomalies', 'checks', 'profiles'].map(asset => [ds, asset, 'success'])
      )
    )
    const serverIds = [...sim.operations.values()].sort((a, b) => a.id - b.id)
    expect(run.outputs['operation-ids']?.split(',').map(Number).sort()).toEqual(
      serverIds.map(o => o.id)
    )
    // Plan order, and each id is the server's export of that row.
    expect(run.outputs['operation-ids']).toBe(rows.map(r => r.id).join(','))
    for (const row of rows) {
      const op = sim.operations.get(row.id as number)
      expect([op?.datastoreId, op?.assetType]).toEqual([
        row.datastore_id,
        row.asset_type
      ])
    }
    expect(run.outputs['operation-id']).toBe(String(rows[0]?.id))
    expect(run.outputs.result).toBe('success')
    expect(run.outputs['next-run']).toBe('')
    const first = rows[0] as Record<string, unknown>
    expect(typeof first.id).toBe('number')
    expect(first.duration_seconds).toBeGreaterThan(0)
    expect(first.total_containers).toBe(3)
    expect(
      rows.find(r => r.datastore_id === 42 && r.asset_type === 'checks')?.count
    ).toBe(30)
    expect(rows.find(r => r.asset_type === 'profiles')?.count).toBeNull()
    expect(run.summary).toContain('Qualytics export: success')
    expect(run.summary).toContain('Marketing&nbsp;Lake')
    expect((run.summary.match(/<tr><t[dh]>/g) ?? []).length).toBe(7)
    expect(run.stdout).toMatch(
      /::group::.*Export \d+ · anomalies of datastore 43/
    )
  })

  it('sends container filters and include_deleted as given', async () => {
    sim = await startSimulator()
    const run = await runAction({
      inputs: inputsFor(sim, {
        containers: '100, 101',
        'include-deleted': 'true',
        options: 'field-profiles'
      })
    })
    expect(run.code).toBe(0)
    expect(triggers(sim)).toEqual([
      {
        type: 'export',
        datastore_id: 42,
        asset_type: 'profiles',
        include_deleted: true,
        container_ids: [100, 101]
      }
    ])
  })

  it('reports a success with a message as a warning, and fails on it only with fail-on-warning', async () => {
    sim = await startSimulator({
      behaviour: () => ({
        durationMs: 300,
        result: 'success',
        message: '2 containers skipped'
      })
    })
    const lenient = await runAction({ inputs: inputsFor(sim) })
    expect(lenient.code).toBe(0)
    expect(lenient.outputs.result).toBe('warning')
    expect(lenient.warnings.join('\n')).toContain('2 containers skipped')
    const strict = await runAction({
      inputs: inputsFor(sim, { 'fail-on-warning': 'true' })
    })
    expect(strict.code).toBe(1)
    expect(strict.outputs.result).toBe('warning')
  })

  it('fails the step with an error per failed export, the last saying what to do', async () => {
    sim = await startSimulator({
      behaviour: ({ assetType }) =>
        assetType === 'checks'
          ? {
              durationMs: 300,
              result: 'failure',
              message: 'Enrichment datastore unreachable'
            }
          : { durationMs: 300, result: 'success' }
    })
    const run = await runAction({
      inputs: inputsFor(sim, { options: 'anomalies,checks' })
    })
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('failure')
    expect(run.errors[0]).toContain('Enrichment datastore unreachable')
    expect(run.errors.at(-1)).toMatch(/re-run this workflow/)
    expect(run.summary.indexOf('❌&nbsp;failure')).toBeLessThan(
      run.summary.indexOf('✅&nbsp;success')
    )
  })

  it('warns when an export had nothing to write', async () => {
    sim = await startSimulator({
      datastores: [
        {
          id: 42,
          name: 'Empty',
          enrichment: { id: 1, name: 'E' },
          anomalies: 0,
          checks: 5
        }
      ]
    })
    const run = await runAction({
      inputs: inputsFor(sim, { options: 'anomalies,checks' })
    })
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('warning')
    expect(run.warnings.join('\n')).toContain('no anomalies for datastore 42')
    expect(operationsOf(run.outputs).map(r => r.count)).toEqual([0, 5])
  })

  it('triggers nothing when one datastore has no enrichment link, and says why in the summary', async () => {
    sim = await startSimulator()
    const run = await runAction({
      inputs: inputsFor(sim, { datastore: '42,7' })
    })
    expect(run.code).toBe(1)
    expect(triggers(sim)).toEqual([])
    expect(run.outputs.result).toBe('failure')
    expect(run.outputs.operations).toBe('[]')
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toMatch(
      /Datastore 7 \(Legacy CRM\) has no enrichment datastore linked.*Link an enrichment datastore/
    )
    expect(run.summary).toContain('Qualytics export: failure')
    expect(run.summary).toContain('has no enrichment datastore linked')
    expect(run.summary).toContain('What to do')
  })

  it('with wait: false triggers everything, sets the ids and returns without polling', async () => {
    sim = await startSimulator({}, 60_000)
    const run = await runAction({
      inputs: inputsFor(sim, {
        options: 'all',
        'max-parallel': '1',
        wait: 'false'
      })
    })
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('running')
    expect(run.outputs['operation-ids']?.split(',')).toHaveLength(3)
    expect(sim.count('GET', '/api/operations/')).toBe(0)
    // It returned while every export still runs (each takes a minute).
    expect([...sim.operations.values()].map(op => op.endTime)).toEqual([
      null,
      null,
      null
    ])
  })

  it('with dry-run checks everything, prints the plan and triggers nothing', async () => {
    sim = await startSimulator()
    const run = await runAction({
      inputs: inputsFor(sim, {
        datastore: '42,43',
        options: 'checks',
        'dry-run': 'true'
      })
    })
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('dry-run')
    expect(triggers(sim)).toEqual([])
    expect(sim.count('GET', '/api/datastores/')).toBe(2)
    expect(operationsOf(run.outputs)).toEqual([
      expect.objectContaining({
        id: null,
        datastore_id: 42,
        asset_type: 'checks',
        result: 'dry-run'
      }),
      expect.objectContaining({
        id: null,
        datastore_id: 43,
        asset_type: 'checks',
        result: 'dry-run'
      })
    ])
  })

  it('runs at most max-parallel exports at once', async () => {
    sim = await startSimulator({}, 600)
    const run = await runAction({
      inputs: inputsFor(sim, {
        datastore: '42,43',
        options: 'all',
        'max-parallel': '2'
      })
    })
    expect(run.code).toBe(0)
    const ops = [...sim.operations.values()]
    const peak = Math.max(
      ...ops.map(
        a =>
          ops.filter(
            b =>
              b.startTime <= a.startTime &&
              (b.endTime ?? Infinity) > a.startTime
          ).length
      )
    )
    expect(peak).toBeLessThanOrEqual(2)
    expect(ops).toHaveLength(6)
  })

  it('sees a 2.5 s export finished and reports its end_time', async () => {
    // How soon the end is seen is the poll schedule's business, tested on a
    // virtual clock (history-schedule.test.ts), not against the wall.
    sim = await startSimulator({}, 2500)
    const run = await runAction({ inputs: inputsFor(sim) })
    const op = [...sim.operations.values()][0]
    expect(run.code).toBe(0)
    expect(operationsOf(run.outputs)[0]).toMatchObject({
      result: 'success',
      end_time: new Date(op?.endTime as number).toISOString()
    })
  })

  it('times out, aborts what still runs and names the ids and the time waited', async () => {
    sim = await startSimulator({}, 60_000)
    const run = await runAction({ inputs: inputsFor(sim, { timeout: '2s' }) })
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('timeout')
    const [op] = [...sim.operations.values()]
    expect(op?.abortRequested).toBe(true)
    expect(sim.count('PUT', '/api/operations/abort/')).toBe(1)
    expect(textOf(operationsOf(run.outputs)[0])).toMatch(
      /still running after 2\.\d s; abort requested/
    )
    expect(run.errors.join('\n')).toContain(String(op?.id))
  })

  it('on timeout with abort-on-timeout false leaves the export running', async () => {
    sim = await startSimulator({}, 60_000)
    const run = await runAction({
      inputs: inputsFor(sim, { timeout: '1500ms', 'abort-on-timeout': 'false' })
    })
    expect(run.outputs.result).toBe('timeout')
    expect(sim.count('PUT', '/api/operations/abort/')).toBe(0)
  })
})

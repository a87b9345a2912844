/**
 * Black-box tests: the bundled dist/index.js, run as a runner would run it,
 * against the simulator on 127.0.0.1.
 */
import { describe, expect, it } from '@jest/globals'
import {
  inputsFor,
  operationsOf,
  triggers,
  textOf
} from './helpers/fixtures.js'
import { inProcessSuite } from './helpers/action-in-process.js'

const { simulate, runAction } = inProcessSuite()

describe('the export action, end to end', () => {
  it('sends container filters and include_deleted as given', async () => {
    const sim = await simulate()
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
    const sim = await simulate({
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
    const sim = await simulate({
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
    const sim = await simulate({
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
    const sim = await simulate()
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
    const sim = await simulate({}, 60_000)
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
    const sim = await simulate()
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
    const sim = await simulate({}, 600)
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
    const sim = await simulate({}, 2500)
    const run = await runAction({ inputs: inputsFor(sim) })
    const op = [...sim.operations.values()][0]
    expect(run.code).toBe(0)
    expect(operationsOf(run.outputs)[0]).toMatchObject({
      result: 'success',
      end_time: new Date(op?.endTime as number).toISOString()
    })
  })

  it('times out, aborts what still runs and names the ids and the time waited', async () => {
    const sim = await simulate({}, 60_000)
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
    const sim = await simulate({}, 60_000)
    const run = await runAction({
      inputs: inputsFor(sim, { timeout: '1500ms', 'abort-on-timeout': 'false' })
    })
    expect(run.outputs.result).toBe('timeout')
    expect(sim.count('PUT', '/api/operations/abort/')).toBe(0)
  })
})

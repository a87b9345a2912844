/**
 * Black-box tests: the bundled dist/index.js, run as a runner would run it,
 * against the simulator on 127.0.0.1.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import {
  closeSimulators,
  inputsFor,
  operationsOf,
  startSimulator,
  triggers
} from '../helpers/fixtures.js'
import { runAction } from '../helpers/bundle.js'

afterEach(closeSimulators)

describe('the export action, end to end', () => {
  it('exports two datastores, all asset types, and reports every operation in plan order', async () => {
    const sim = await startSimulator()
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
})

/**
 * `retry-failed` and `skip-if-fresh` in the bundled action: one run each,
 * and the edges the contract names (helpers/night-shift-edges.ts, which
 * ../night-shift.test.ts runs in-process too).
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import type { QualyticsSimulator } from '../../simulator/index.js'
import { runAction } from '../helpers/bundle.js'
import {
  closeSimulators,
  inputsFor,
  operationsOf,
  startSimulator,
  triggers
} from '../helpers/fixtures.js'
import { nightShiftEdges } from '../helpers/night-shift-edges.js'

let sim: QualyticsSimulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})
afterEach(closeSimulators)

describe('the bundled action', () => {
  it('retry-failed: triggers a failed export again and keeps the earlier id', async () => {
    sim = await startSimulator({
      behaviour: ({ seq }) => ({
        durationMs: 200,
        result: seq === 1 ? 'failure' : 'success',
        message: seq === 1 ? 'warehouse connection lost' : null
      })
    })
    const run = await runAction({
      inputs: inputsFor(sim, { 'retry-failed': '2', verify: 'false' }),
      env: { QUALYTICS_RETRY_PAUSE_MS: '300' }
    })
    expect(run.code).toBe(0)
    expect(operationsOf(run.outputs)[0]).toMatchObject({
      result: 'success',
      attempts: 2,
      retried_ids: [1001]
    })
    expect(triggers(sim)).toHaveLength(2)
  })

  it('skip-if-fresh: reports a recent success instead of triggering', async () => {
    sim = await startSimulator({
      history: [
        {
          datastoreId: 42,
          assetType: 'anomalies',
          startOffsetMs: -3_600_000,
          durationMs: 60_000
        }
      ]
    })
    const run = await runAction({
      inputs: inputsFor(sim, { 'skip-if-fresh': '20h', verify: 'false' })
    })
    expect(run.code).toBe(0)
    expect(operationsOf(run.outputs)[0]).toMatchObject({
      reused: true,
      attempts: 0,
      result: 'success'
    })
    expect(triggers(sim)).toHaveLength(0)
  })
})

nightShiftEdges({ simulate: scenario => startSimulator(scenario), runAction })
